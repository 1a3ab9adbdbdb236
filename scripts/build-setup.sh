#!/usr/bin/env bash
# The clinic set-up page's WebAssembly (setup/, the engine's checks for setup/page/), built
# into Trunk's staging folder as dist/setup/: a Trunk hook (Trunk.toml). Visitors never load it.
set -euo pipefail
out="${TRUNK_STAGING_DIR:?run as a Trunk hook, or set TRUNK_STAGING_DIR}/setup"
target="${CARGO_TARGET_DIR:-target}"
cargo build --quiet --locked -p selfcheck-setup --target wasm32-unknown-unknown --release
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" "$target/wasm32-unknown-unknown/release/selfcheck_setup.wasm"
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/selfcheck_setup_bg.wasm" -o "$out/selfcheck_setup_bg.wasm"
node_modules/.bin/esbuild "$out/selfcheck_setup.js" --minify --format=esm --log-level=warning --allow-overwrite --outfile="$out/selfcheck_setup.js"
