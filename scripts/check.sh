#!/usr/bin/env bash
# `make check`, for the minutes between edits: builds the unit and storage
# tests (not the binary's served and browser tiers) and runs them on SQLite.
# PostgreSQL cases are skipped unless $CCHC_TEST_PG_URL names a server
# (`eval "$(scripts/pg-temp.sh start)"` starts one). `make test` runs every
# tier; `ctest --test-dir build -L served` (or browser, fuzz) runs one.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target cchc_tests
ctest --test-dir build -L '^(unit|storage)$' -j"$(nproc)" --output-on-failure --timeout 300
