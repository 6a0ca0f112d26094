#!/usr/bin/env bash
# Fuzzes the document reader with libFuzzer for SECONDS (default 60), or,
# with CCHC_FUZZ_RUNS=N, for N runs from the fixed seed CCHC_FUZZ_SEED
# (default 1), the same inputs every time (what `make test` does, so that a
# test run never fails by chance; open-ended exploration is `scripts/fuzz.sh
# 600`): a
# clang build of the reader alone (build-fuzz/, -DCCHC_FUZZ=ON) with
# address and undefined-behaviour sanitizers, seeded with the test corpus
# and the kept cases. A crash fails the run and leaves its input in
# tests/documents/fuzz-cases/: commit it, fix the reader, and the normal
# test run replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
bash scripts/setup.sh fuzz
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCCHC_FUZZ=ON >/dev/null
cmake --build build-fuzz --target cchc_fuzz_reader -j"$(nproc)" >/dev/null
work=$(mktemp -d /tmp/cchc-fuzz.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp tests/documents/corpus/*.txt tests/documents/corpus/*.md "$work/"
find tests/documents/fuzz-cases -type f ! -name README.md -exec cp {} "$work/" \;
if [ -n "${CCHC_FUZZ_RUNS:-}" ]; then
  limit=(-runs="$CCHC_FUZZ_RUNS" -seed="${CCHC_FUZZ_SEED:-1}")
  echo "fuzzing the document reader: $CCHC_FUZZ_RUNS runs from seed ${CCHC_FUZZ_SEED:-1}"
else
  limit=(-max_total_time="$seconds")
  echo "fuzzing the document reader for ${seconds}s"
fi
./build-fuzz/cchc_fuzz_reader "$work" "${limit[@]}" -max_len=65536 -timeout=10 \
  -artifact_prefix=tests/documents/fuzz-cases/ -print_final_stats=1 2>&1 | tail -15
