#!/usr/bin/env bash
# The unit and storage tests again (both backends), in a Debug build
# (assertions on) with AddressSanitizer and UndefinedBehaviorSanitizer: the
# `asan` preset of CMakePresets.json, in build-asan/. A report fails the run.
# The tests that start the server or a browser are left to `make test`
# (under the sanitizers they take several times longer);
# `ctest --test-dir build-asan -R Served` runs them when wanted.

set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bash scripts/setup.sh test
cmake --preset asan >/dev/null
cmake --build --preset asan -j"$(nproc)"

eval "$(scripts/pg-temp.sh start)"
trap '"$root/scripts/pg-temp.sh" stop "$CCHC_PG_TEMP"' EXIT
export CCHC_REQUIRE_PG=1
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --preset asan -j"$(nproc)"
