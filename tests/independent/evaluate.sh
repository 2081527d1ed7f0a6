#!/usr/bin/env bash
# The local engine on documents it was not designed on (see README.md here):
#   tests/independent/evaluate.sh independent [--count N] [--seed S]   HTML/Chromium set
#   tests/independent/evaluate.sh passporteye                          34 real photos
#   tests/independent/evaluate.sh pdf [--count N] [--seed S]           FFT attestations as PDF
# Extra arguments after `--` go to build/tools/evaluate/evaluate (e.g. -- --verbose).
# Sets are generated once into ${XDG_CACHE_HOME:-~/.cache}/jae-ocr and reused.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
evaluate="${JAE_BUILD_DIR:-$root/build}/tools/evaluate/evaluate"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/jae-ocr"
what="${1:-}"
shift || true
count=3 seed=16
extra=()
while (($#)); do
  case $1 in
    --count) count=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "evaluate.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ -x $evaluate ]] || { echo "evaluate.sh: build $evaluate first (ninja -C build evaluate)" >&2; exit 2; }
case $what in
  independent)
    data="$cache/independent-c$count-s$seed"
    if [[ ! -f $data/.complete ]]; then
      rm -rf "$data"
      node "$here/generate.mjs" --out "$data" --count "$count" --seed "$seed"
      touch "$data/.complete"
    fi
    ;;
  pdf)
    # FFT licence attestations printed to PDF by Chromium (text layer included), all
    # three families (atlas still reported apart, held out).
    data="$cache/independent-pdf-c$count-s$seed"
    if [[ ! -f $data/.complete ]]; then
      rm -rf "$data"
      node "$here/generate.mjs" --out "$data" --count "$count" --seed "$seed" \
        --kinds fft_licence --conditions pdf
      touch "$data/.complete"
    fi
    ;;
  passporteye)
    data=$("$here/passporteye.sh")
    ;;
  *)
    echo "usage: evaluate.sh independent|pdf|passporteye [--count N] [--seed S] [-- evaluate args]" >&2
    exit 2
    ;;
esac
exec nice -n 10 "$evaluate" --data "$data" "${extra[@]}"
