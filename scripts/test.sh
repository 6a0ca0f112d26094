#!/usr/bin/env bash
# `make test`: installs what is missing, builds, starts a throwaway
# PostgreSQL 15, runs every test (unit, storage on SQLite and PostgreSQL,
# integration against the real server, browser) with ctest, stops PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bash scripts/setup.sh test
make --no-print-directory build

eval "$(scripts/pg-temp.sh start)"
trap '"$root/scripts/pg-temp.sh" stop "$CCHC_PG_TEMP"' EXIT
export CCHC_REQUIRE_PG=1
echo "test PostgreSQL at $CCHC_TEST_PG_URL"

cd build
ctest --output-on-failure -j"$(nproc)" --timeout 300

# The document reader under libFuzzer for a bounded number of runs from a
# fixed seed (the same inputs every time; a crash fails the run and is kept
# in tests/documents/fuzz-cases/).
cd "$root"
CCHC_FUZZ_RUNS=${CCHC_FUZZ_RUNS:-20000} bash scripts/fuzz.sh
