#!/usr/bin/env bash
# The embedded default: jae-ocr on local folders with the `local` engine, on the bundled
# sample documents. Until `watch` lands, it shows the MRZ reader on sample MRZs.
set -euo pipefail
bin="${1:-build/jae-ocr}"
here="$(cd "$(dirname "$0")/.." && pwd)"
for f in "$here"/samples/mrz/*.txt; do
  echo "== $(basename "$f")"
  "$bin" mrz < "$f"
done
