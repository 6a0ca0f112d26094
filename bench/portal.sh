#!/usr/bin/env bash
# The portal's speed, side by side in one run (method and figures in
# docs/performance.md):
#   - a cached article page from cchc and the same bytes served by nginx as
#     a static file: wrk, keep-alive, 64 connections, 2 threads, DURATION s
#     a run (default 10), RUNS runs each (default 3, alternating), median kept;
#   - search over ITEMS generated items (default 50,000), in-process
#     (bench/portal/main.cpp): the raw FTS5 query, portal::search, and the
#     results page's work, QUERIES queries (default 400).
# Results: printed and written to bench/results/portal.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh
DURATION=${DURATION:-10}
RUNS=${RUNS:-3}
ITEMS=${ITEMS:-50000}
QUERIES=${QUERIES:-400}

bash scripts/setup.sh bench
make --no-print-directory build TARGET=benchmarks >/dev/null
cmake --build build --target cchc_bench_portal >/dev/null

work=$(mktemp -d /tmp/cchc-bench-portal.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

db="$work/cchc.db"
./build/cchc demo --no-records --db "$db" >/dev/null 2>&1
search=$(./build/cchc_bench_portal --db "$db" --items "$ITEMS" --queries "$QUERIES" 2>"$work/search.log")
size=$(du -m "$db" | cut -f1)

port=$(free_port)
./build/cchc serve --db "$db" --port "$port" --threads 2 --no-access-log >/dev/null 2>"$work/serve.log" &
pids+=($!)
wait_for "http://127.0.0.1:$port/healthz"
slug=$(sqlite3 "$db" "SELECT slug FROM portal_items WHERE state = 'published' AND featured = 1 ORDER BY id LIMIT 1")
page="/cong-thong-tin/bai-viet/$slug"
curl -fs "http://127.0.0.1:$port$page" > "$work/article.html"
bytes=$(wc -c < "$work/article.html")

nginx_port=$(free_port)
nginx_conf "$work" "$nginx_port" <<CONF
    location = $page { default_type text/html; alias $work/article.html; etag on; }
CONF
nginx -c "$work/nginx.conf" &
pids+=($!)
wait_for "http://127.0.0.1:$nginx_port$page"

declare -A ports=([cchc]=$port [nginx]=$nginx_port)
declare -A rps=() p50=() p99=()
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
for server in cchc nginx; do wrk -t2 -c64 -d2s "http://127.0.0.1:${ports[$server]}$page" >/dev/null; done  # warm-up
for _ in $(seq 1 "$RUNS"); do
  for server in cchc nginx; do
    out=$(wrk -t2 -c64 -d"${DURATION}s" --latency "http://127.0.0.1:${ports[$server]}$page")
    rps[$server]+="$(echo "$out" | awk '/Requests\/sec/ { print $2 }') "
    p50[$server]+="$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')") "
    p99[$server]+="$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')") "
  done
done

mkdir -p bench/results
{
  echo "# Portal benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "$(nproc) cores; cchc $(git rev-parse --short HEAD); $(nginx -v 2>&1); SQLite $(sqlite3 --version | cut -d' ' -f1)"
  echo
  echo "## A cached article page ($bytes bytes), wrk -t2 -c64, ${DURATION}s runs, median of $RUNS"
  echo
  echo "| server | req/s | p50 ms | p99 ms |"
  echo "|---|---:|---:|---:|"
  for server in cchc nginx; do
    echo "| $server | $(printf '%s\n' ${rps[$server]} | median) | $(printf '%s\n' ${p50[$server]} | median) | $(printf '%s\n' ${p99[$server]} | median) |"
  done
  echo
  echo "## Search over $ITEMS items ($QUERIES queries, in-process; database $size MB)"
  echo
  echo "| measurement | p50 ms | p99 ms |"
  echo "|---|---:|---:|"
  echo "$search" | python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    if "p50_ms" in d:
        print("| %s | %.1f | %.1f |" % (d["what"], d["p50_ms"], d["p99_ms"]))
    else:
        print("\nMean matches per query: %.0f." % d["mean_hits"])'
  echo
  echo "Slowest queries:"
  echo
  grep '^slow' "$work/search.log" | sed 's/^/    /'
} > bench/results/portal.md
cat bench/results/portal.md
