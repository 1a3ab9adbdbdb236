#!/usr/bin/env bash
# The clinic set-up page's WebAssembly (setup/, the engine's checks for setup/page/), built
# into Trunk's staging folder as dist/setup/: a Trunk hook (Trunk.toml). Visitors never load it.
set -euo pipefail
bash scripts/build-wasm-module.sh selfcheck-setup setup
