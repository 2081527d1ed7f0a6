#!/usr/bin/env bash
# Installs the MRZ fallback model of the local engine: the legacy+LSTM `eng.traineddata`
# (Tesseract 4.0.0 data, MIT) shipped by the npm package @tesseract.js-data/eng. Debian only
# ships LSTM-only models, which read MRZ fillers badly (tooling.md). The local engine reads
# MRZs with its own OCR-B classifier first and needs this model only as a fallback, so a
# machine without it still works.
#   scripts/install-tessdata.sh [DEST]   default DEST: /usr/local/share/jae-ocr/tessdata
# Uses the copy in tests/node/node_modules when present, else `npm pack` (npm registry).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dest="${1:-/usr/local/share/jae-ocr/tessdata}"
version="$(node -e 'const l=require(process.argv[1]);console.log(l.packages["node_modules/@tesseract.js-data/eng"].version)' \
  "$here/tests/node/package-lock.json" 2>/dev/null || echo 1.0.0)"
[[ -f "$dest/eng.traineddata" ]] && { echo "install-tessdata: $dest/eng.traineddata present" >&2; exit 0; }
gz="$here/tests/node/node_modules/@tesseract.js-data/eng/4.0.0/eng.traineddata.gz"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [[ ! -f $gz ]]; then
  command -v npm >/dev/null || { echo "install-tessdata: npm missing; the local engine will use its fallbacks" >&2; exit 0; }
  (cd "$tmp" && npm pack --silent "@tesseract.js-data/eng@$version" >/dev/null && tar xzf ./*.tgz)
  gz="$tmp/package/4.0.0/eng.traineddata.gz"
fi
mkdir -p "$dest"
gzip -dc "$gz" > "$tmp/eng.traineddata"
mv "$tmp/eng.traineddata" "$dest/eng.traineddata"
echo "install-tessdata: installed $dest/eng.traineddata" >&2
