#!/usr/bin/env bash
# Real specimen documents for the local engine's printed fields: the sample pictures of
# Mindee's client-library test data (github.com/mindee/client-lib-test-data, v1/products):
# the French 2021 identity card's front (the state's specimen, MARTIN Maëlis-Gaëlle,
# photographed), a scan of both sides of a 1988 card on one page (DAMBARD Victor), a
# British passport's data page with its facing page (PUDARSAN Henert) and both sides of a
# Spanish identity card (ESPAÑOLA Carmen). Specimens of
# people who do not exist, not a real person's document. The repository states no licence,
# so they are not vendored: this script copies them from a git clone into a cache folder
# and writes next to each a truth file of what the document prints, read off the picture.
#   tests/independent/specimens.sh [OUT]        prints OUT (default: the cache folder)
# The clone: $SPECIMENS_GIT (a git directory), else the fetched mirror
# /work/.mirror/mindee+client-lib-test-data/repo, else `git clone` from GitHub into the cache.
# Exit 77 (skipped) when none is reachable.
set -euo pipefail
cache="${XDG_CACHE_HOME:-$HOME/.cache}/jae-ocr"
out="${1:-$cache/specimens}"
git_dir="${SPECIMENS_GIT:-}"
if [[ -z $git_dir && -d /work/.mirror/mindee+client-lib-test-data/repo ]]; then
  git_dir=/work/.mirror/mindee+client-lib-test-data/repo
fi
if [[ -z $git_dir ]]; then
  if [[ ! -d $cache/client-lib-test-data.git ]]; then
    mkdir -p "$cache"
    git clone --quiet --bare --depth 1 https://github.com/mindee/client-lib-test-data \
      "$cache/client-lib-test-data.git" >&2 || { echo "specimens: cannot clone" >&2; exit 77; }
  fi
  git_dir=$cache/client-lib-test-data.git
fi
mkdir -p "$out"

# copy PATH NAME TRUTH-JSON
copy() {
  [[ -f $out/$2.jpg ]] || git --git-dir="$git_dir" show "HEAD:$1" >"$out/$2.jpg"
  printf '%s\n' "$3" >"$out/$2.json"
}

# The card's own MRZ fails its check digits (birth date, composite; its number's month
# is 57): a specimen made up, so no MRZ is to be read from it, only what it prints.
copy v1/products/idcard_fr/default_sample.jpg mindee-fr_id_1988-both_sides '{
 "kind": "fr_id_1988", "condition": "real", "source": "mindee", "document_type": "id_card",
 "mrz_lines": [],
 "fields": {"surname": "DAMBARD", "given_names": "VICTOR MARIE", "birth_date": "1994-04-24",
  "birth_place": "LYON 4E ARRONDISSEMENT", "sex": "M", "nationality": "FRA",
  "document_number": "175775H55790", "issue_date": "2015-04-03", "expiry_date": "2030-04-02"}}'
copy v1/products/idcard_fr/new_sample.jpg mindee-fr_id_2021_front-photo '{
 "kind": "fr_id_2021_front", "condition": "real", "source": "mindee", "document_type": "id_card",
 "mrz_lines": [],
 "fields": {"surname": "MARTIN", "given_names": "Maëlis-Gaëlle Marie", "birth_date": "1990-07-13",
  "birth_place": "PARIS", "sex": "F", "nationality": "FRA", "document_number": "D2H6862M2",
  "expiry_date": "2030-02-11"}}'
# Its place of birth prints "CAMTETH GBR" under the caption, left out: whether the country
# belongs to the place is not for us to say.
copy v1/products/passport/default_sample.jpg mindee-passport_gbr-scan '{
 "kind": "passport_gbr", "condition": "real", "source": "mindee", "document_type": "passport",
 "mrz_lines": ["P<GBRPUDARSAN<<HENERT<<<<<<<<<<<<<<<<<<<<<<<",
               "7077979792GBR9505209M1704224<<<<<<<<<<<<<<00"],
 "fields": {"surname": "PUDARSAN", "given_names": "HENERT", "birth_date": "1995-05-20",
  "sex": "M", "nationality": "GBR", "document_number": "707797979", "issue_date": "2012-04-23",
  "expiry_date": "2017-04-22"}}'
# Spain's identity card (the generated specimen of international_id): both sides on one
# picture, the back's TD1 zone valid. Its printed surname keeps the Ñ the zone drops.
copy v1/products/generated/international_id.jpg mindee-id_esp-both_sides '{
 "kind": "id_esp", "condition": "real", "source": "mindee", "document_type": "id_card",
 "mrz_lines": ["IDESPBAA000589599999999R<<<<<<", "8001014F2501017ESP<<<<<<<<<<<7",
               "ESPANOLA<ESPANOLA<<CARMEN<<<<<"],
 "fields": {"surname": "ESPAÑOLA ESPAÑOLA", "given_names": "CARMEN", "birth_date": "1980-01-01",
  "sex": "F", "nationality": "ESP", "document_number": "BAA000589", "expiry_date": "2025-01-01"}}'
echo "specimens: 4 images in $out" >&2
echo "$out"
