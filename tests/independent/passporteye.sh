#!/usr/bin/env bash
# Real photos for the local engine: the 34 test images of PassportEye
# (github.com/konstantint/PassportEye, passporteye/mrz/testdata; the repository is MIT
# licensed, the pictures are specimen documents collected from the web by its author).
# They are not vendored: this script copies them from a git clone into a cache folder
# and writes a truth file next to each. Each file name starts with the validity score
# PassportEye recorded for it (100: every check digit holds), so the truth is only
# "a fully valid MRZ is expected" (score 100) or not; the MRZ text itself is unknown.
#   tests/independent/passporteye.sh [OUT]      prints OUT (default: the cache folder)
# The clone: $PASSPORTEYE_GIT (a git directory), else the fetched mirror
# /work/.mirror/konstantint+PassportEye/repo, else `git clone` from GitHub into the cache.
# Exit 77 (skipped) when none is reachable.
set -euo pipefail
cache="${XDG_CACHE_HOME:-$HOME/.cache}/jae-ocr"
out="${1:-$cache/passporteye}"
testdata=passporteye/mrz/testdata
git_dir="${PASSPORTEYE_GIT:-}"
if [[ -z $git_dir && -d /work/.mirror/konstantint+PassportEye/repo ]]; then
  git_dir=/work/.mirror/konstantint+PassportEye/repo
fi
if [[ -z $git_dir ]]; then
  if [[ ! -d $cache/PassportEye.git ]]; then
    mkdir -p "$cache"
    git clone --quiet --bare --depth 1 https://github.com/konstantint/PassportEye \
      "$cache/PassportEye.git" >&2 || { echo "passporteye: cannot clone" >&2; exit 77; }
  fi
  git_dir=$cache/PassportEye.git
fi
mkdir -p "$out"
n=0
while IFS= read -r path; do
  name=$(basename "$path")
  stem=${name%.*}
  [[ -f $out/$name ]] || git --git-dir="$git_dir" show "HEAD:$path" >"$out/$name"
  score=${stem%%_*}
  what=${stem#*_}
  what=${what%%-*}
  case $what in
    pass*) type=passport ;;
    id*) type=id_card ;;
    *) type=other ;;
  esac
  expect=false
  [[ $score == 100 ]] && expect=true
  cat >"$out/$stem.json" <<JSON
{"kind": "real_${what//[0-9]/}", "condition": "real", "source": "passporteye",
 "document_type": "$type", "expect_valid_mrz": $expect, "passporteye_score": $score}
JSON
  n=$((n + 1))
done < <(git --git-dir="$git_dir" ls-tree -r --name-only HEAD "$testdata/" | grep -Ei '\.(jpe?g|png)$')
echo "passporteye: $n images in $out" >&2
echo "$out"
