#!/usr/bin/env bash
# Builds the release widget into dist/ for any static host. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release "$@"
node scripts/sizes.mjs
