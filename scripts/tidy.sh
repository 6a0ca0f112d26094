#!/usr/bin/env bash
# Runs clang-tidy 14 with .clang-tidy over the sources of src/ exactly as
# the `asan` build compiles them (clang 14, its precompiled header, each
# layer's files in batches: a batch is checked once and its files' findings
# are reported as theirs, HeaderFilterRegex being /src/); fails on any
# finding. CI runs it after scripts/sanitize.sh, whose build it reuses.
#   scripts/tidy.sh           every source of src/
#   scripts/tidy.sh FILE…     the batches that hold these files
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh lint
[ -f build-asan/compile_commands.json ] || cmake --preset asan >/dev/null
# What the commands need before they parse: the layer check, and the
# precompiled header when the build has one (a no-op after sanitize.sh).
targets=(cchc_layers_checked)
grep -q '^CCHC_PCH:BOOL=ON' build-asan/CMakeCache.txt && targets+=(cchc_pch)
cmake --build build-asan --target "${targets[@]}" -j"$(nproc)" >/dev/null

# Every translation unit of a layer: the batches (build-asan/unity/) and the
# files compiled alone.
root=$(pwd)
mapfile -t units < <(grep -o '"file": "[^"]*"' build-asan/compile_commands.json | sed 's/^"file": "//; s/"$//' |
  grep -E "^$root/(src/|build-asan/unity/)" | sort -u)
if [ $# -gt 0 ]; then
  wanted=()
  for f in "$@"; do
    path=$(realpath "$f")
    for u in "${units[@]}"; do
      if [ "$u" = "$path" ] || grep -qxF "#include \"${path#"$root/src/"}\"" "$u"; then wanted+=("$u"); fi
    done
  done
  mapfile -t units < <(printf '%s\n' "${wanted[@]}" | sed '/^$/d' | sort -u)
fi
[ ${#units[@]} -gt 0 ] || { echo "tidy: no translation unit holds these files" >&2; exit 2; }
printf '%s\n' "${units[@]}" | xargs -P"$(nproc)" -n1 clang-tidy-14 -p build-asan --quiet
echo "tidy: ${#units[@]} translation units pass .clang-tidy"
