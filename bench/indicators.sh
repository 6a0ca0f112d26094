#!/usr/bin/env bash
# Indicator storage and API benchmark, side by side in one run, for each
# province size in SIZES (default "100000", what `make bench` runs; e.g.
# SIZES="100000 1000000 10000000" for the issue's sizes, about half an hour):
#   - import rows/s, the province as one batch (batches of 1 000 000 above
#     that), against the plain C loader of the same CSV on SQLite
#     (bench/indicators/plain_loader.h) and a plain COPY on PostgreSQL;
#   - rebuild rows/s against a plain SQLite scan with a C++ hash sum (4
#     counters, and all five rollups), and on PostgreSQL against its own
#     parallel GROUP BY of the same counters (bench/indicators/rebuild_baselines.h);
#   - secondary, as earlier runs measured: import in files of 100 000 into a
#     second database, and the plain prepared insert of those files;
#   - every ratio of cchc to its baseline, with the issue's target;
#   - GET /api/v1/indicators latency (wrk, 4 connections, DURATION seconds)
#     for the heaviest question (the province's whole subtree for a year)
#     and a light one (one department, one quarter), and the server's peak
#     RSS (VmHWM) after serving them.
# PostgreSQL runs when scripts/pg-temp.sh can start a server (make test's
# dependencies). Results: printed and written to bench/results/indicators.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
# shellcheck source=bench/lib.sh
. bench/lib.sh
SIZES=${SIZES:-"100000"}
DURATION=${DURATION:-10}

bash scripts/setup.sh bench
make --no-print-directory build TARGET=benchmarks >/dev/null

work=$(mktemp -d /tmp/cchc-bench-ind.XXXXXX)
server_pid=""
pg_temp=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "$pg_temp" ] && bash scripts/pg-temp.sh stop "$pg_temp" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# The driver's JSON lines: measurements → "| size | backend | what | rows/s | seconds |",
# ratios → "| size | backend | ratio | value | target | met |".
rows_of() {
  python3 -c '
import json, sys
size = sys.argv[1]
for line in sys.stdin:
    if line.startswith("{"):
        d = json.loads(line)
        if "what" not in d:
            continue
        what = d["what"]
        if "workers_launched" in d:
            what += " (workers launched: %s)" % "/".join(str(w) for w in d["workers_launched"])
        rate = format(d["rows_per_second"], ",.0f")
        print("| %s | %s | %s | %s | %.2f |" % (size, d["backend"], what, rate, d["seconds"]))
' "$1"
}
ratios_of() {
  python3 -c '
import json, sys
size = sys.argv[1]
for line in sys.stdin:
    if line.startswith("{"):
        d = json.loads(line)
        if "ratio" not in d:
            continue
        t = d["target"]
        target = "—" if t is None else "≥ %.2f" % t
        met = "—" if t is None else ("yes" if d["value"] >= t else "no")
        print("| %s | %s | %s | %.2f | %s | %s |" % (size, d["backend"], d["ratio"], d["value"], target, met))
' "$1"
}

if command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  if bash scripts/pg-temp.sh start > "$work/pgenv" 2>/dev/null; then
    # shellcheck disable=SC1091
    . "$work/pgenv"
    pg_temp=$CCHC_PG_TEMP
  fi
fi

storage="| dossiers | backend | measurement | rows/s | seconds |\n|---:|---|---|---:|---:|\n"
ratios="| dossiers | backend | cchc / baseline | ratio | target | met |\n|---:|---|---|---:|---:|---|\n"
api="| dossiers | question | req/s | p50 ms | p99 ms | server peak RSS MiB |\n|---:|---|---:|---:|---:|---:|\n"
for n in $SIZES; do
  db="$work/cchc-$n.db"
  files_db="$work/cchc-files-$n.db"
  ./build/cchc demo --no-records --db "$db" >/dev/null 2>&1
  ./build/cchc demo --no-records --db "$files_db" >/dev/null 2>&1
  echo "== $n dossiers, SQLite" >&2
  out=$(./build/cchc_bench_indicators --db "$db" --dossiers "$n" --plain-db "$work/plain.db" --files-db "$files_db")
  echo "$out" | ratios_of "$n" >&2
  storage+="$(echo "$out" | rows_of "$n")\n"
  ratios+="$(echo "$out" | ratios_of "$n")\n"
  rm -f "$work/plain.db"* "$files_db"*

  port=$(free_port)
  ./build/cchc serve --db "$db" --port "$port" --threads 2 --no-access-log >/dev/null 2>"$work/serve.log" &
  server_pid=$!
  wait_for "http://127.0.0.1:$port/healthz"
  for q in "province, year|/api/v1/indicators?unit=DNI&period=2025&scope=subtree" \
           "department, quarter|/api/v1/indicators?unit=SNV&period=2025-Q2&scope=unit"; do
    label=${q%%|*}
    path=${q#*|}
    curl -fs "http://127.0.0.1:$port$path" >/dev/null
    wrk -t1 -c4 -d2s "http://127.0.0.1:$port$path" >/dev/null
    res=$(wrk -t1 -c4 -d"${DURATION}s" --latency "http://127.0.0.1:$port$path")
    rps=$(echo "$res" | awk '/Requests\/sec/ { printf "%.0f", $2 }')
    p50=$(to_ms "$(echo "$res" | awk '$1 == "50%" { print $2 }')")
    p99=$(to_ms "$(echo "$res" | awk '$1 == "99%" { print $2 }')")
    rss=$(awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$server_pid/status")
    api+="| $n | $label | $rps | $p50 | $p99 | $rss |\n"
  done
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  server_pid=""
  rm -f "$db"*

  if [ -n "$pg_temp" ]; then
    echo "== $n dossiers, PostgreSQL" >&2
    for name in "bench_$n" "bench_${n}_files"; do
      psql "$CCHC_TEST_PG_URL" -qc "DROP DATABASE IF EXISTS $name" && psql "$CCHC_TEST_PG_URL" -qc "CREATE DATABASE $name"
      ./build/cchc demo --no-records --db "${CCHC_TEST_PG_URL%/*}/$name" >/dev/null 2>&1
    done
    url="${CCHC_TEST_PG_URL%/*}/bench_$n"
    out=$(./build/cchc_bench_indicators --db "$url" --dossiers "$n" --files-db "${url}_files")
    echo "$out" | ratios_of "$n" >&2
    storage+="$(echo "$out" | rows_of "$n")\n"
    ratios+="$(echo "$out" | ratios_of "$n")\n"
    psql "$CCHC_TEST_PG_URL" -qc "DROP DATABASE bench_$n" && psql "$CCHC_TEST_PG_URL" -qc "DROP DATABASE bench_${n}_files"
  fi
done

mkdir -p bench/results
{
  echo "# Indicator benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "$(nproc) cores; cchc $(git rev-parse --short HEAD); SQLite $(sqlite3 --version | cut -d' ' -f1)${pg_temp:+; $(psql --version)}"
  echo
  echo "## Ratios (cchc's rows/s over its baseline's; [secondary]: as earlier runs compared)"
  echo
  printf "%b" "$ratios"
  echo
  echo "## Storage"
  echo
  printf "%b" "$storage"
  echo
  echo "## API (wrk -t1 -c4, ${DURATION}s)"
  echo
  printf "%b" "$api"
} > bench/results/indicators.md
cat bench/results/indicators.md
