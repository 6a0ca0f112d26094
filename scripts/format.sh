#!/usr/bin/env bash
# Formats the C++ sources with clang-format 14 and .clang-format:
#   scripts/format.sh           rewrites every file in place
#   scripts/format.sh --check   changes nothing; fails naming the files that differ
# .ci/run checks first, before anything builds.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format-14 >/dev/null 2>&1 || bash scripts/setup.sh format
mapfile -t files < <(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' 'bench/*.cpp' 'bench/*.h')
if [ "${1:-}" = "--check" ]; then
  clang-format-14 --dry-run --Werror "${files[@]}" 2>&1 | grep -oE '^[^:]+\.(cpp|h)' | sort -u | sed 's/^/not formatted: /' || true
  clang-format-14 --dry-run --Werror "${files[@]}" >/dev/null 2>&1 || {
    echo "format: run scripts/format.sh to format these files" >&2; exit 1; }
  echo "format: ${#files[@]} files as .clang-format wants them"
else
  clang-format-14 -i "${files[@]}"
fi
