#!/usr/bin/env bash
# Prints the Debian packages that provide the shared libraries the given binaries and
# modules load (one per line, sorted), so that the runtime image installs exactly those
# and nothing else.   deploy/runtime-packages.sh FILE...
# Used by the Dockerfile's build stage; runs on the Debian release the binary was built on.
set -euo pipefail
ldd "$@" | awk '/=> \//{print $3} /^\t\/lib/{print $1}' | while read -r lib; do
  for path in "$lib" "$(readlink -f "$lib")" "/usr${lib#/usr}" "${lib#/usr}"; do
    if owner=$(dpkg -S "$path" 2>/dev/null); then
      echo "${owner%%:*}"
      break
    fi
  done
done | sort -u
