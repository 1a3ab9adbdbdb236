#!/usr/bin/env bash
# Serves the widget at http://127.0.0.1:8080 (release build, rebuilt on change).
# Installs whatever is missing first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
exec trunk serve --release "$@"
