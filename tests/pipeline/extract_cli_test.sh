#!/bin/sh
# jae-ocr extract: usage and configuration errors exit 2 and name the flag or variable;
# nothing is printed on stdout for them. Usage: extract_cli_test.sh path/to/jae-ocr
set -u
bin="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail=0

expect() {  # expect CODE PATTERN -- command...
  code="$1"; pattern="$2"; shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if [ "$rc" -ne "$code" ]; then echo "FAIL: '$*' exited $rc, expected $code"; fail=1; fi
  if ! grep -q -- "$pattern" "$tmp/err"; then
    echo "FAIL: '$*' stderr lacks '$pattern':"; cat "$tmp/err"; fail=1
  fi
  if [ -s "$tmp/out" ]; then echo "FAIL: '$*' wrote to stdout"; fail=1; fi
}

expect 2 "INPUT" -- "$bin" extract
expect 2 "--engine" -- "$bin" extract --engine openai "$tmp/x.jpg"
expect 2 "JAE_ENGINE" -- env JAE_ENGINE=bogus "$bin" extract "$tmp/x.jpg"
expect 2 "MAX_IMAGE_BYTES" -- env MAX_IMAGE_BYTES=12abc "$bin" extract "$tmp/x.jpg"
expect 2 "IMAGE_MAX_SIDE" -- env IMAGE_MAX_SIDE=0 "$bin" extract "$tmp/x.jpg"
exit $fail
