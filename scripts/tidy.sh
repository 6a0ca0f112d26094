#!/usr/bin/env bash
# Runs clang-tidy 14 with .clang-tidy over every source of src/ (or the
# files given), compiled as the clang preset compiles them; fails on any
# finding. Slow (it compiles each file again): not part of make test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh lint
cmake --preset clang >/dev/null
cmake --build build-clang --target cchc_layers_checked >/dev/null
if [ $# -gt 0 ]; then files=("$@"); else mapfile -t files < <(git ls-files 'src/*.cpp'); fi
printf '%s\n' "${files[@]}" | xargs -P"$(nproc)" -n4 clang-tidy-14 -p build-clang --quiet
echo "tidy: ${#files[@]} files pass .clang-tidy"
