#!/usr/bin/env bash
# The province view of plan implementation over TASKS tasks and REPORTS
# reports (default 5,000 and 50,000, the issue's size), side by side in one
# run (method and figures in docs/performance.md):
#   - in-process (bench/plans/main.cpp): the raw SQLite read of the rows the
#     view needs, cchc's load of them, the derivation (states, summaries,
#     trend, tables), a copy of the held year, and the held year refreshed
#     after one report;
#   - server time of GET /ke-hoach/tong-hop?nam=2025 from the server's
#     access log (the time from reading the request to the response
#     ready), RUNS sequential requests each: "warm" while the plan data
#     does not change (the page kept for the session, the year's tasks in
#     memory); "after a
#     report": one lead report submitted from another process
#     (cchc_bench_plans --write-report) before each request, which the
#     held year follows (plans::refreshed); "full reload": the data
#     version (and the "writes" data stamp) raised with no change logged
#     before each request, so the year is read whole, as every write made
#     it before the change log.
# The issue's goal (17, goal 5): 50 ms or less after a write.
# Results: printed and written to bench/results/plans.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh
TASKS=${TASKS:-5000}
REPORTS=${REPORTS:-50000}
RUNS=${RUNS:-30}

bash scripts/setup.sh bench
make --no-print-directory build TARGET=benchmarks >/dev/null

work=$(mktemp -d /tmp/cchc-bench-plans.XXXXXX)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

db="$work/cchc.db"
./build/cchc demo --no-records --db "$db" >/dev/null 2>&1
inproc=$(./build/cchc_bench_plans --db "$db" --tasks "$TASKS" --reports "$REPORTS" --runs "$RUNS")

port=$(free_port)
./build/cchc serve --db "$db" --port "$port" --threads 2 >"$work/access.log" 2>"$work/serve.log" &
server_pid=$!
wait_for "http://127.0.0.1:$port/healthz"
jar="$work/jar"
csrf=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/dang-nhap" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "username=demo.admin" \
  --data-urlencode "password=demo-admin-dongnai" "http://127.0.0.1:$port/dang-nhap"
page="/ke-hoach/tong-hop?nam=2025"
# Server times (ms) of the page's requests logged after a mark.
times_after() {
  awk -v from="$1" 'NR > from && index($0, "/ke-hoach/tong-hop") { t = $(NF-1); sub(/ms$/, "", t); print t }' "$work/access.log"
}
stats() {  # median and p99 of numbers on stdin
  sort -n | awk '{ v[NR] = $1 } END { m = v[int((NR + 1) / 2)]; p = v[int(NR * 0.99 + 0.999)]; printf "%.1f | %.1f", m, p }'
}
curl -s -b "$jar" -o /dev/null "http://127.0.0.1:$port$page"
mark=$(wc -l < "$work/access.log")
for _ in $(seq 1 "$RUNS"); do curl -s -b "$jar" -o "$work/page.html" "http://127.0.0.1:$port$page"; done
warm=$(times_after "$mark" | stats)
bytes=$(wc -c < "$work/page.html")
mark=$(wc -l < "$work/access.log")
for _ in $(seq 1 "$RUNS"); do
  # The "writes" stamp too, as every audited write raises it: else the
  # signed-in page cache (http/page_cache.h) answers with the kept page.
  sqlite3 "$db" "UPDATE plan_data_version SET version = version + 1 WHERE id = 1;
                 UPDATE data_stamps SET stamp = stamp + 1 WHERE kind = 'writes'"
  curl -s -b "$jar" -o /dev/null "http://127.0.0.1:$port$page"
done
cold=$(times_after "$mark" | stats)
mark=$(wc -l < "$work/access.log")
for _ in $(seq 1 "$RUNS"); do
  ./build/cchc_bench_plans --db "$db" --write-report
  curl -s -b "$jar" -o /dev/null "http://127.0.0.1:$port$page"
done
after_report=$(times_after "$mark" | stats)
rss=$(awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$server_pid/status")
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
server_pid=""

mkdir -p bench/results
{
  echo "# Plans province-view benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "$(nproc) cores; cchc $(git rev-parse --short HEAD); SQLite $(sqlite3 --version | cut -d' ' -f1); $TASKS tasks, $REPORTS reports; $RUNS runs each"
  echo
  echo "## In-process"
  echo
  echo "| measurement | p50 ms | p99 ms |"
  echo "|---|---:|---:|"
  echo "$inproc" | python3 -c '
import json, sys
for line in sys.stdin:
    if line.startswith("{"):
        d = json.loads(line)
        print("| %s | %.1f | %.1f |" % (d["what"], d["p50_ms"], d["p99_ms"]))'
  echo
  echo "## Server time of GET $page (access log)"
  echo
  echo "| case | p50 ms | p99 ms |"
  echo "|---|---:|---:|"
  echo "| warm (plan data unchanged) | $warm |"
  echo "| after a report (one submitted before each request; the held year follows it) | $after_report |"
  echo "| full reload (version raised, no change logged, before each request) | $cold |"
  echo
  echo "Goal (issue 17, goal 5): 50 ms or less after a write."
  echo
  echo "Page: $bytes bytes; server peak RSS $rss MiB."
} > bench/results/plans.md
cat bench/results/plans.md
