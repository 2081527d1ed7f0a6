#!/usr/bin/env bash
# Runs every libFuzzer target in BUILD_DIR/fuzz for SECONDS each, starting from the
# committed seed corpus in fuzz/corpus/<target> (new inputs go to a scratch copy).
set -euo pipefail
build="${1:-build-fuzz}"
seconds="${2:-45}"
here="$(cd "$(dirname "$0")/.." && pwd)"
shopt -s nullglob
targets=("$build"/fuzz/fuzz_*)
if ((${#targets[@]} == 0)); then echo "fuzz: no targets in $build/fuzz" >&2; exit 1; fi
for t in "${targets[@]}"; do
  [[ -x $t ]] || continue
  name="$(basename "$t")"
  work="$build/fuzz-work/$name"
  mkdir -p "$work"
  [[ -d "$here/fuzz/corpus/$name" ]] && cp -n "$here/fuzz/corpus/$name"/* "$work"/ 2>/dev/null || true
  echo "fuzz: $name for ${seconds}s"
  "$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$build/fuzz-work/$name-" "$work" 2>&1 | tail -n 12
done
