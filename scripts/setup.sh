#!/usr/bin/env bash
# Installs everything the widget needs to build, run and test on a fresh Debian 12 machine
# with Rust (rustup), Node and npm. Idempotent: when everything is present it takes a few seconds.
# Versions are pinned where the toolchain has traps (see docs/toolchain notes in the README).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen crate pinned in Cargo.toml
GECKODRIVER_VERSION=0.37.1     # drives Firefox in the cross-engine tests (tests/cross/)
ICALENDAR_VERSION=7.3.0        # Python; parses the calendar files in tests (scripts/ics_check.py)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# 1. Rust target for the browser.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Debian packages: Chromium for tests, brotli for size figures; and the other engines for the
#    cross-engine tests: WebKit's WebDriver with MiniBrowser on a virtual display (Xvfb), and
#    Firefox ESR. Those go in without recommends, which would add some 170 packages (ffmpeg,
#    ImageMagick, Ghostscript, GStreamer plug-ins) the tests never use.
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v brotli >/dev/null || need_apt+=(brotli)
need_apt_bare=()
command -v WebKitWebDriver >/dev/null || need_apt_bare+=(webkit2gtk-driver)
command -v Xvfb >/dev/null || need_apt_bare+=(xvfb)
command -v firefox-esr >/dev/null || need_apt_bare+=(firefox-esr)
if [ ${#need_apt[@]} -gt 0 ] || [ ${#need_apt_bare[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  if [ ${#need_apt[@]} -gt 0 ]; then
    say "installing ${need_apt[*]} from Debian"
    apt-get install -y -qq "${need_apt[@]}" >/dev/null
  fi
  if [ ${#need_apt_bare[@]} -gt 0 ]; then
    say "installing ${need_apt_bare[*]} from Debian (about 15 s, 500 MB)"
    apt-get install -y -qq --no-install-recommends "${need_apt_bare[@]}" >/dev/null
  fi
fi

# 3. npm packages: wasm-opt (binaryen), Playwright, axe-core, Lighthouse.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

# 4. Trunk, the wasm-bindgen CLI and geckodriver (compiled from crates.io; minutes, once per machine).
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 7 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes, once)"
  # Not --locked: the locked set names a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ "$(geckodriver --version 2>/dev/null | sed -n 1p)" != "geckodriver $GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION (about 3 minutes, once)"
  # --locked first; without it if the registry lacks a locked dependency (as for wasm-bindgen-cli).
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked \
    || cargo install geckodriver --version "$GECKODRIVER_VERSION"
fi

# 5. Python's icalendar: an independent parser that the calendar-file tests check the widget's
#    .ics files against (scripts/ics_check.py, from engine/tests/ics.rs and the e2e tests).
if ! python3 -c 'import icalendar' 2>/dev/null; then
  say "installing the Python package icalendar $ICALENDAR_VERSION"
  # A Python that Debian manages (PEP 668) refuses plain installs; then install past that.
  python3 -m pip install --quiet --root-user-action=ignore "icalendar==$ICALENDAR_VERSION" 2>/dev/null \
    || python3 -m pip install --quiet --root-user-action=ignore --break-system-packages "icalendar==$ICALENDAR_VERSION"
fi

say "ready"
