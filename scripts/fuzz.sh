#!/usr/bin/env bash
# A long fuzzing run of every parser of untrusted input (engine/tests/fuzz.rs), printing the
# executions and the time of each. The test command runs a short one (300 cases per target).
#   scripts/fuzz.sh [CASES]   (default 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
FUZZ_CASES="${1:-20000}" cargo test --release --locked -p selfcheck-engine --test fuzz -- --nocapture --test-threads 1
