#!/usr/bin/env bash
# The embedded default, as a new user first meets it: `jae-ocr watch --once` on local
# folders with the on-machine `local` engine (no cloud, no key, no network), over the
# bundled synthetic sample documents. Results land in out/demo/results/<name>.json.
set -euo pipefail
bin="${1:-build/jae-ocr}"
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/out/demo"
rm -rf "$out"
mkdir -p "$out/inbox" "$out/results"
shopt -s nullglob
samples=("$here"/samples/documents/*.jpg "$here"/samples/documents/*.png)
if ((${#samples[@]})); then
  cp "${samples[@]}" "$out/inbox/"
  echo "== jae-ocr watch --once --engine local on ${#samples[@]} bundled sample documents"
  status=0
  "$bin" watch --inbox "$out/inbox" --results "$out/results" --engine local --once || status=$?
  for r in "$out"/results/*.json; do
    echo "-- $(basename "$r")"
    cat "$r"
    echo
  done
  echo "== results in $out/results (exit status $status: 0 = every document ok)"
fi
echo "== jae-ocr mrz on sample machine readable zones (check digits, OCR repair)"
for f in "$here"/samples/mrz/*.txt; do
  echo "-- $(basename "$f")"
  "$bin" mrz < "$f" || true
done
# The referee's web app on the same embedded default (local engine, local folders): served
# when the demo runs in a terminal, its address printed either way.
port="${PORT:-8080}"
echo "== the referee's web app: http://127.0.0.1:$port/app/"
echo "   (jae-ocr serve --port $port --engine local --results $out/results)"
if [[ -t 0 && -t 1 ]]; then
  echo "   open it in a browser; Ctrl-C stops the server"
  LOG_LEVEL=warning exec "$bin" serve --port "$port" --engine local --results "$out/results"
fi
