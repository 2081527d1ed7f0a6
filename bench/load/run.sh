#!/usr/bin/env bash
# The service load benchmark: builds jae-ocr and the JPEG generator, makes a 3 MB
# synthetic 12 MP phone JPEG, and runs bench/load/load.mjs (see README.md there).
#   bench/load/run.sh [BUILD_DIR] [extra load.mjs options, e.g. --events 400]
# JPEG_BYTES and JPEG_LONG_SIDE change the photo (defaults: 3 MB, 4032 px); e.g.
# JPEG_BYTES=200000 JPEG_LONG_SIDE=1200 for the control run (no decoding to pixels).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$here/build}"
shift || true
cmake --build "$build" --target jae-ocr make_phone_jpeg >&2
jpeg="$(mktemp --suffix=.jpg)"
trap 'rm -f "$jpeg"' EXIT
"$build/bench/load/make_phone_jpeg" "$jpeg" "${JPEG_BYTES:-3145728}" "${JPEG_LONG_SIDE:-4032}" >&2
node "$here/bench/load/load.mjs" --bin "$build/jae-ocr" --jpeg "$jpeg" "$@"
