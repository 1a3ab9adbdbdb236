#!/usr/bin/env bash
# Take-aways loaded on demand (takeaway/: the hand-over's QR code and the calendar file), built
# into Trunk's staging folder as dist/takeaway/. Run by the Trunk hook that then writes the
# service worker's precache list (Trunk.toml), so a kiosk has it offline too.
set -euo pipefail
bash scripts/build-wasm-module.sh selfcheck-takeaway takeaway
# Short import names in the wasm and its glue, as the app's (engine/src/tools/wasm_imports.rs).
out="$TRUNK_STAGING_DIR/takeaway"
cargo run --quiet --locked -p selfcheck-engine --bin selfcheck -- shorten-imports "$out/selfcheck_takeaway_bg.wasm" "$out/selfcheck_takeaway.js"
