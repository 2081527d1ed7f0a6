#!/usr/bin/env bash
# The service load benchmark: builds jae-ocr and the JPEG generator, makes a 3 MB
# synthetic 12 MP phone JPEG, and runs bench/load/load.mjs (see README.md there).
#   bench/load/run.sh [BUILD_DIR] [extra load.mjs options, e.g. --events 400]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$here/build}"
shift || true
cmake --build "$build" --target jae-ocr make_phone_jpeg >&2
jpeg="$(mktemp --suffix=.jpg)"
trap 'rm -f "$jpeg"' EXIT
"$build/bench/load/make_phone_jpeg" "$jpeg" >&2
node "$here/bench/load/load.mjs" --bin "$build/jae-ocr" --jpeg "$jpeg" "$@"
