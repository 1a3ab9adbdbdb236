#!/usr/bin/env bash
# The cross-engine layer (tests/cross/): the widget's journeys in WebKit (WebKitWebDriver driving
# MiniBrowser on a virtual display) and Firefox (geckodriver driving firefox-esr, headless), over
# WebDriver with selenium-webdriver, against a built widget served on 127.0.0.1. Installs whatever
# is missing first. scripts/test.sh runs it after building dist/.
#   scripts/cross.sh [DIR]                   DIR: the built widget (default $CROSS_DIST, else dist/)
#   CROSS_ENGINES=webkit scripts/cross.sh    one engine only
# Failure screenshots, pages and the drivers' logs go to test-results/cross/.
set -euo pipefail
dir="${1:-${CROSS_DIST:-}}"
[ -n "$dir" ] && dir="$(realpath "$dir")"
cd "$(dirname "$0")/.."
export CROSS_DIST="${dir:-dist}"
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if [ ! -f "$CROSS_DIST/index.html" ]; then
  echo "cross.sh: no $CROSS_DIST/index.html; build the widget first (scripts/build.sh)" >&2
  exit 1
fi
files=()
for engine in ${CROSS_ENGINES:-webkit firefox}; do files+=("tests/cross/$engine.test.mjs"); done
rm -rf test-results/cross
# One engine at a time: each gets both cores, and a slow machine cannot make them race.
exec node --test --test-reporter=spec --test-concurrency=1 "${files[@]}"
