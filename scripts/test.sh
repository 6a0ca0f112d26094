#!/usr/bin/env bash
# `make test`: installs what is missing, builds, starts a throwaway
# PostgreSQL 15, runs every tier with ctest (unit, storage on SQLite and
# PostgreSQL, served against the real binary, browser, fuzz; see
# CMakeLists.txt), stops PostgreSQL. A failed test's name starts with its
# tier.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bash scripts/setup.sh test
make --no-print-directory build

eval "$(scripts/pg-temp.sh start)"
trap '"$root/scripts/pg-temp.sh" stop "$CCHC_PG_TEMP"' EXIT
export CCHC_REQUIRE_PG=1
echo "test PostgreSQL at $CCHC_TEST_PG_URL"

ctest --test-dir build --output-on-failure -j"$(nproc)" --timeout 300
