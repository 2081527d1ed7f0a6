#!/usr/bin/env bash
# The local engine on documents it was not designed on (see README.md here):
#   tests/independent/evaluate.sh independent [--count N] [--seed S]   HTML/Chromium set, all
#                                   eleven families (the held-out one reported apart)
#   tests/independent/evaluate.sh heldout [--count N] [--seed S]       the held-out family alone,
#                                   every kind x scan/photo/hard, FFT licence also as
#                                   pdf, pdfscan (no text layer) and app (phone screenshot)
#   tests/independent/evaluate.sh passporteye                          34 real photos
#   tests/independent/evaluate.sh specimens                            4 real specimen documents
#                                   (printed fields; specimens.sh)
#   tests/independent/evaluate.sh pdf [--count N] [--seed S]           FFT attestations as PDF
#   tests/independent/evaluate.sh licences [--count N] [--seed S]      the seen families' FFT
#                                   licences as app screenshots, PDF and scanned PDF
# Extra arguments after `--` go to build/tools/evaluate/evaluate (e.g. -- --verbose). With
# --verbose (every miss) the held-out family is left out, and lines naming one of its
# documents are never shown: its misses are not to be read.
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
held_out=meridian
seen=civic,ribbon,atlas,harbor,lantern,orchard,quarry,willow,summit
verbose=0
for a in "${extra[@]}"; do [[ $a == --verbose ]] && verbose=1; done

# generate DIR ARGS...: the set once, marked complete when whole.
generate() {
  local dir=$1
  shift
  if [[ ! -f $dir/.complete ]]; then
    rm -rf "$dir"
    node "$here/generate.mjs" --out "$dir" --count "$count" --seed "$seed" "$@"
    touch "$dir/.complete"
  fi
}

# The set without the held-out family's files (links), for --verbose: a view of this run's
# own (two runs at once shared one and each rebuilt it under the other's feet: documents
# missing, truths "bad"), removed when the run ends.
seen_only() {
  local dir=$1 view="$1-seen.$$"
  rm -rf "$view"
  mkdir -p "$view"
  find "$dir" -maxdepth 1 -type f ! -name "$held_out-*" ! -name '.*' -exec ln -s {} "$view/" \;
  echo "evaluate.sh: --verbose: the held-out family ($held_out) is left out" >&2
  echo "$view"
}

case $what in
  independent)
    data="$cache/independent-${seen//,/-}-$held_out-c$count-s$seed"
    generate "$data" --families "$seen,$held_out"
    ((verbose)) && data=$(seen_only "$data") && trap 'rm -rf "$data"' EXIT
    ;;
  heldout)
    if ((verbose)); then
      echo "evaluate.sh: no --verbose on the held-out family (its misses are not to be read)" >&2
      exit 2
    fi
    data="$cache/heldout-$held_out-c$count-s$seed"
    generate "$data" --families "$held_out" --conditions scan,photo,hard,pdf,pdfscan,app
    ;;
  pdf)
    # FFT licence attestations printed to PDF by Chromium (text layer included), every
    # family (the held-out one reported apart).
    data="$cache/independent-pdf-${seen//,/-}-$held_out-c$count-s$seed"
    generate "$data" --families "$seen,$held_out" --kinds fft_licence --conditions pdf
    ((verbose)) && data=$(seen_only "$data") && trap 'rm -rf "$data"' EXIT
    ;;
  licences)
    # The seen families' FFT licences as the held-out run makes them (app screenshot where
    # a family draws one, PDF with and without a text layer): the held-out family is not
    # in it, its own run reports it.
    data="$cache/licences-${seen//,/-}-c$count-s$seed"
    generate "$data" --families "$seen" --kinds fft_licence --conditions app,pdf,pdfscan
    ;;
  passporteye)
    data=$("$here/passporteye.sh")
    ;;
  specimens)
    data=$("$here/specimens.sh")
    ;;
  *)
    echo "usage: evaluate.sh independent|heldout|pdf|licences|passporteye|specimens [--count N] [--seed S] [-- evaluate args]" >&2
    exit 2
    ;;
esac
# The evaluator names some documents even without --verbose (false alarms, false proofs,
# errors): those of the held-out family are counted, not shown.
nice -n 10 "$evaluate" --data "$data" "${extra[@]}" |
  awk -v p="$held_out-" 'index($0, p) { ++hidden; next } { print }
    END { if (hidden) printf "(%d lines naming held-out documents hidden)\n", hidden }'
