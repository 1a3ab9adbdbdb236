#!/usr/bin/env bash
# Runs every check and test layer, installing whatever is missing first (scripts/setup.sh):
#   1. formatting and clippy (native and wasm32)
#   2. native engine tests: content validation, rules, personas, properties, CLI
#   3. component tests in headless Chromium (wasm-bindgen-test)
#   4. release build of dist/ and the size budget
#   5. end-to-end journeys in headless Chromium against dist/ on 127.0.0.1 (Playwright)
#   6. the same journeys in WebKit and Firefox over WebDriver (scripts/cross.sh, tests/cross/)
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
# Test output is also kept in a log, to print one total over all layers at the end.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
counted() { "$@" 2>&1 | tee -a "$log"; }

# A run from a clean clone writes about 4 GB (target/, dist/, test results); with less free the
# linker fails half-way with "No space left on device", so say so first.
free_kb=$(df -Pk . | awk 'NR == 2 { print $4 }')
if [ "${free_kb:-0}" -lt 6000000 ]; then
  echo "warning: only $((free_kb / 1024)) MB free on the disk holding $PWD; a full test run needs about 4 GB" >&2
fi

scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

step "format"
cargo fmt --all --check

step "clippy (native)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "clippy (wasm32)"
cargo clippy -p selfcheck-widget -p selfcheck-setup -p selfcheck-takeaway --all-targets --target wasm32-unknown-unknown --locked -- -D warnings

step "engine and take-aways tests (native)"
counted cargo test -p selfcheck-engine -p selfcheck-takeaway --locked

step "component tests (wasm-bindgen-test, headless Chromium)"
counted cargo test -p selfcheck-widget --target wasm32-unknown-unknown --locked

step "release build"
rm -rf dist
trunk build --release

step "size budget"
node scripts/sizes.mjs --check

step "end-to-end (Playwright, headless Chromium)"
counted playwright test --config tests/e2e/playwright.config.mjs

step "cross-engine end-to-end (WebDriver: WebKit and Firefox)"
counted scripts/cross.sh dist

# One total over every layer: cargo's "N passed; M failed;" lines, Playwright's summary and the
# Node test runner's ("ℹ pass N", "ℹ fail N", "ℹ cancelled N").
count() { { grep -aoE "$1" "$log" || true; } | { grep -oE '[0-9]+' || true; } | awk '{s += $1} END {print s + 0}'; }
passed=$(( $(count '[0-9]+ passed;') + $(count '^ +[0-9]+ passed \(') + $(count '^ℹ pass [0-9]+$') ))
failed=$(( $(count '[0-9]+ failed;') + $(count '^ +[0-9]+ failed$') + $(count '^ℹ (fail|cancelled) [0-9]+$') ))
printf '\nAll test layers passed in %ss.\n' "$(( $(date +%s) - start ))"
printf 'total: %s passed, %s failed\n' "$passed" "$failed"
