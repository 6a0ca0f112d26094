#!/usr/bin/env bash
# Fuzzes parsers of outside bytes with libFuzzer: `scripts/fuzz.sh [SECONDS]
# [TARGET ...]`, each TARGET for SECONDS (default 60), or, with
# CCHC_FUZZ_RUNS=N, for N runs from the fixed seed CCHC_FUZZ_SEED (default
# 1), the same inputs every time (what `make test` does, so that a test run
# never fails by chance; open-ended exploration is `scripts/fuzz.sh 600
# form`). Targets (tests/fuzz/TARGET_fuzz.cpp):
#   reader  the document reader (the default)
#   form    form bodies: multipart and urlencoded (http/form.h)
#   csv     CSV (core/csv.h)
#   xlsx    XLSX workbooks (core/xlsx.h)
#   batch   indicator batches, CSV and JSON (indicators/rules.h)
#   head    request heads and targets (Beast's parser, http::parse_target)
#   docx    Word documents (documents::word_text)
#   markdown  portal Markdown (portal::render_markdown)
#   deadline  deadline phrases, read and stored back (core/deadline.h)
# A clang build of the targets alone (build-fuzz/, -DCCHC_FUZZ=ON) with
# address and undefined-behaviour sanitizers, seeded with the kept cases:
# tests/documents/fuzz-cases/ and the test corpus for the reader,
# tests/fuzz/TARGET/ for the others. A crash fails the run and leaves its
# input there: commit it, fix the parser, and the normal test run replays it
# from then on (Reader.FuzzCasesReadWithoutCrashing, FuzzCases.*).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=60
if [[ ${1:-} =~ ^[0-9]+$ ]]; then
  seconds=$1
  shift
fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(reader)
bash scripts/setup.sh fuzz
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCCHC_FUZZ=ON >/dev/null
cmake --build build-fuzz --target "${targets[@]/#/cchc_fuzz_}" -j"$(nproc)" >/dev/null
for target in "${targets[@]}"; do
  work=$(mktemp -d /tmp/cchc-fuzz.XXXXXX)
  if [ "$target" = reader ]; then
    kept=tests/documents/fuzz-cases
    cp tests/documents/corpus/*.txt tests/documents/corpus/*.md "$work/"
  else
    kept=tests/fuzz/$target
  fi
  find "$kept" -type f ! -name README.md -exec cp {} "$work/" \;
  if [ -n "${CCHC_FUZZ_RUNS:-}" ]; then
    limit=(-runs="$CCHC_FUZZ_RUNS" -seed="${CCHC_FUZZ_SEED:-1}")
    echo "fuzzing $target: $CCHC_FUZZ_RUNS runs from seed ${CCHC_FUZZ_SEED:-1}"
  else
    limit=(-max_total_time="$seconds")
    echo "fuzzing $target for ${seconds}s"
  fi
  status=0
  ./build-fuzz/cchc_fuzz_"$target" "$work" "${limit[@]}" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$kept/" -print_final_stats=1 >"$work/log" 2>&1 || status=$?
  tail -15 "$work/log"
  rm -rf "$work"
  [ "$status" -eq 0 ] || exit "$status"
done
