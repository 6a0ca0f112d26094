#!/usr/bin/env bash
# The resilience suite's full-size run (`make test` runs the bounded forms):
#   scripts/resilience.sh [SECONDS]        (default 120)
# on each backend, SQLite and then PostgreSQL (a throwaway server):
#   1. the attacks of issue 33 at their measured sizes against `cchc serve`
#      on the demo province, over and over for SECONDS, while /healthz is
#      probed every 50 ms (scripts/resilience.mjs attacks): a line an attack
#      with its status, the slowest health answer and the peak RSS;
#   2. the kill -9 matrix: API dossier batches and Open311 cases written
#      concurrently for SECONDS while the server is killed (SIGKILL) every
#      few seconds and started again; then every acknowledged write must be
#      there and `cchc audit verify` must pass.
# Exits 1 when the server dies under an attack, a health probe goes
# unanswered for 2 s, an acknowledged write is lost or the audit chain
# breaks. Figures go in docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export CCHC_DAILY=off  # no daily reminders beside the attacks (app/daily.h)
seconds=${1:-120}
bash scripts/setup.sh >/dev/null
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target cchc cchc-pdf-text -j"$(nproc)" >/dev/null
work=$(mktemp -d /tmp/cchc-resilience.XXXXXX)
server=
cleanup() {
  [ -n "$server" ] && kill -9 "$server" 2>/dev/null || true
  [ -n "${CCHC_PG_TEMP:-}" ] && scripts/pg-temp.sh stop "$CCHC_PG_TEMP" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# Starts the server on $db at $port (fixed, so a restart keeps the address).
start() {
  build/cchc serve --db "$db" --port "$port" --no-access-log >>"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "the server did not start"; tail -5 "$work/server.log"; exit 1
}

failed=0
for backend in sqlite postgres; do
  if [ "$backend" = sqlite ]; then
    db=$work/cchc.db
  else
    eval "$(scripts/pg-temp.sh start)"
    db=$CCHC_TEST_PG_URL
  fi
  echo "== $backend"
  build/cchc demo --db "$db" --no-records >/dev/null 2>&1
  token=$(build/cchc tokens add --db "$db" --name "Một cửa" --unit P-TRANGDAI | sed -n 's/.*"secret": *"\([^"]*\)".*/\1/p' | tail -1)
  key=$(build/cchc tokens add --db "$db" --name "Phản ánh" --unit DNI --purpose open311 | sed -n 's/.*"secret": *"\([^"]*\)".*/\1/p' | tail -1)
  port=$(( 30000 + RANDOM % 20000 ))
  start
  node scripts/resilience.mjs attacks "http://127.0.0.1:$port" "$server" "$seconds" demo-unit_officer-dongnai || failed=1

  state=$work/writes-$backend.json
  node scripts/resilience.mjs writers "http://127.0.0.1:$port" "$token" "$key" "$seconds" "$state" &
  writers=$!
  kills=0
  end=$(( SECONDS + seconds ))
  while [ $SECONDS -lt "$end" ]; do
    sleep $(( 2 + RANDOM % 4 ))
    kill -9 "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    kills=$(( kills + 1 ))
    start
  done
  wait "$writers" || true
  echo "killed $kills times"
  node scripts/resilience.mjs verify "http://127.0.0.1:$port" "$token" "$state" || failed=1
  kill "$server"; wait "$server" 2>/dev/null || true; server=
  build/cchc audit verify --db "$db" || failed=1
  if [ "$backend" = postgres ]; then scripts/pg-temp.sh stop "$CCHC_PG_TEMP" >/dev/null; unset CCHC_PG_TEMP; fi
done
exit $failed
