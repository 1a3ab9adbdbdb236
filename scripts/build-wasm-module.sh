#!/usr/bin/env bash
# One of the small wasm modules beside the app, built into Trunk's staging folder: its crate
# compiled for wasm32, bound by wasm-bindgen, shrunk by wasm-opt and esbuild. Used by
# build-setup.sh (the clinic set-up page) and build-takeaway.sh (the take-aways).
#   scripts/build-wasm-module.sh CRATE FOLDER
set -euo pipefail
crate="$1"
lib="${crate//-/_}"
out="${TRUNK_STAGING_DIR:?run as a Trunk hook, or set TRUNK_STAGING_DIR}/$2"
target="${CARGO_TARGET_DIR:-target}"
cargo build --quiet --locked -p "$crate" --target wasm32-unknown-unknown --release
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" "$target/wasm32-unknown-unknown/release/$lib.wasm"
node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/${lib}_bg.wasm" -o "$out/${lib}_bg.wasm"
node_modules/.bin/esbuild "$out/$lib.js" --minify --format=esm --log-level=warning --allow-overwrite --outfile="$out/$lib.js"
