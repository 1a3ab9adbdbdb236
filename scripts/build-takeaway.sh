#!/usr/bin/env bash
# Take-aways loaded on demand (takeaway/: the hand-over's QR code), built into Trunk's staging
# folder as dist/takeaway/. Run by the Trunk hook that then writes the service worker's
# precache list (Trunk.toml), so a kiosk has it offline too.
set -euo pipefail
out="${TRUNK_STAGING_DIR:?run as a Trunk hook, or set TRUNK_STAGING_DIR}/takeaway"
target="${CARGO_TARGET_DIR:-target}"
cargo build --quiet --locked -p selfcheck-takeaway --target wasm32-unknown-unknown --release
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" "$target/wasm32-unknown-unknown/release/selfcheck_takeaway.wasm"
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/selfcheck_takeaway_bg.wasm" -o "$out/selfcheck_takeaway_bg.wasm"
node_modules/.bin/esbuild "$out/selfcheck_takeaway.js" --minify --format=esm --log-level=warning --allow-overwrite --outfile="$out/selfcheck_takeaway.js"
# Short import names in the wasm and its glue, as the app's (tools/wasm_imports.rs).
cargo run --quiet --locked -p selfcheck-engine --bin selfcheck -- shorten-imports "$out/selfcheck_takeaway_bg.wasm" "$out/selfcheck_takeaway.js"
