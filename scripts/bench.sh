#!/usr/bin/env bash
# Builds the release and prints the benchmark: sizes, browser timings and memory, Lighthouse
# and native engine timings (scripts/bench.mjs). Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
rm -rf dist
trunk build --release
node scripts/bench.mjs "$@"
