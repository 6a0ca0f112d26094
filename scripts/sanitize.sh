#!/usr/bin/env bash
# The unit and storage tiers again (both backends), and the served suites
# Routes and Reminders (the test preset names them), in a Debug build
# (assertions on) with clang 14, AddressSanitizer and UndefinedBehaviorSanitizer:
# the `asan` preset of CMakePresets.json, in build-asan/. A report fails the
# run. The build is of the whole tree (benchmarks too), so it is also CI's
# proof that clang builds everything; scripts/tidy.sh then checks src/ on it.
# The other served tests and the browser tier are left to `make test`
# (under the sanitizers the served tier takes about five times longer:
# `ctest --test-dir build-asan -L served` runs it when wanted).
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
