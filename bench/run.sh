#!/usr/bin/env bash
# HTTP benchmark: cchc serve and nginx side by side, in one run, on the same
# machine, serving the same things:
#   static   a 1 KiB file                      (cchc /static/…, nginx root)
#   dynamic  a small JSON answer               (cchc computes /api/v1/periods/2024-Q1;
#                                                nginx returns the same bytes from its config)
#   page     the home page                     (cchc from its page cache; nginx serves a saved copy)
#   portal   the portal home, /cong-thong-tin  (the same; about 43 KB)
#   figures  /cong-khai/chi-so                 (the same; the province's public figures)
# With CCHC_BASELINE=<git rev>, that revision is built in a worktree and
# measured too, as "cchc@rev". wrk: keep-alive, 64 connections, 2 threads,
# DURATION seconds a run (default 10), RUNS runs each (default 3), median kept;
# each target's ratio of cchc's requests per second to nginx's is printed.
# Results: printed, and written to bench/results/latest.md.
# Then, once these servers have stopped, bench/signed_in.sh (the signed-in
# pages of issue 17's goal 5 under wrk with a session cookie, and the
# server's peak RSS) and bench/indicators.sh (import and
# rebuild against issue 17's baselines, every ratio printed; SIZES, default
# "100000"), so one `make bench` prints every ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
# shellcheck source=bench/lib.sh
. bench/lib.sh
DURATION=${DURATION:-10}
RUNS=${RUNS:-3}
CONNECTIONS=64

bash scripts/setup.sh bench
make --no-print-directory build TARGET=benchmarks >/dev/null

work=$(mktemp -d /tmp/cchc-bench.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${worktree:-}" ] && git worktree remove --force "$worktree" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT


mkdir -p "$work/static"
head -c 1024 /dev/urandom | base64 -w 64 | head -c 1024 > "$work/static/one-kb.txt"

start_cchc() {  # binary name → sets port
  local bin=$1 name=$2 port
  port=$(free_port)
  "$bin" demo --db "$work/$name.db" >/dev/null 2>&1
  "$bin" serve --db "$work/$name.db" --port "$port" --threads 2 --no-access-log \
    --static "$work/static" --templates "$root/templates" >/dev/null 2>"$work/$name.log" &
  pids+=($!)
  wait_for "http://127.0.0.1:$port/healthz"
  echo "$port"
}

declare -A ports
ports[cchc]=$(start_cchc "$root/build/cchc" cchc)
servers=(cchc)

if [ -n "${CCHC_BASELINE:-}" ]; then
  worktree="$work/baseline-src"
  git worktree add --detach "$worktree" "$CCHC_BASELINE" >/dev/null
  cmake -S "$worktree" -B "$work/baseline-build" -DCMAKE_BUILD_TYPE=Release >"$work/baseline-build.log" 2>&1
  cmake --build "$work/baseline-build" -j"$(nproc)" --target cchc >>"$work/baseline-build.log" 2>&1 ||
    { cat "$work/baseline-build.log" >&2; exit 1; }
  ports[baseline]=$(start_cchc "$work/baseline-build/cchc" baseline)
  servers+=(baseline)
fi

# nginx: the same static file, the same JSON bytes, saved copies of the pages.
curl -fs "http://127.0.0.1:${ports[cchc]}/api/v1/periods/2024-Q1" > "$work/period.json"
curl -fs "http://127.0.0.1:${ports[cchc]}/" > "$work/static/home.html"
curl -fs "http://127.0.0.1:${ports[cchc]}/cong-thong-tin" > "$work/static/portal.html"
curl -fs "http://127.0.0.1:${ports[cchc]}/cong-khai/chi-so" > "$work/static/figures.html"
nginx_port=$(free_port)
nginx_conf "$work" "$nginx_port" <<CONF
    location /static/ { alias $work/static/; default_type text/plain; etag on; }
    location = /api/v1/periods/2024-Q1 { default_type application/json; return 200 '$(cat "$work/period.json")'; }
    location = / { default_type text/html; alias $work/static/home.html; }
    location = /cong-thong-tin { default_type text/html; alias $work/static/portal.html; }
    location = /cong-khai/chi-so { default_type text/html; alias $work/static/figures.html; }
CONF
nginx -c "$work/nginx.conf" &
pids+=($!)
ports[nginx]=$nginx_port
servers+=(nginx)
wait_for "http://127.0.0.1:$nginx_port/static/one-kb.txt"

declare -A paths=([static]=/static/one-kb.txt [dynamic]=/api/v1/periods/2024-Q1 [page]=/ [portal]=/cong-thong-tin
                  [figures]=/cong-khai/chi-so)
declare -A bytes=([static]=$(wc -c < "$work/static/one-kb.txt") [dynamic]=$(wc -c < "$work/period.json")
                  [page]=$(wc -c < "$work/static/home.html") [portal]=$(wc -c < "$work/static/portal.html")
                  [figures]=$(wc -c < "$work/static/figures.html"))
declare -A median_rps=()

median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

results="| target | server | req/s (median of $RUNS) | p50 ms | p99 ms |\n|---|---|---:|---:|---:|\n"
targets=(static dynamic page portal figures)
for target in "${targets[@]}"; do
  declare -A rps=() p50=() p99=()
  for server in "${servers[@]}"; do
    wrk -t2 -c$CONNECTIONS -d2s "http://127.0.0.1:${ports[$server]}${paths[$target]}" >/dev/null  # warm-up
  done
  # Runs alternate between servers, so drift on the machine hits all alike.
  for _ in $(seq 1 "$RUNS"); do
    for server in "${servers[@]}"; do
      out=$(wrk -t2 -c$CONNECTIONS -d"${DURATION}s" --latency "http://127.0.0.1:${ports[$server]}${paths[$target]}")
      rps[$server]+="$(echo "$out" | awk '/Requests\/sec/ { print $2 }') "
      p50[$server]+="$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')") "
      p99[$server]+="$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')") "
    done
  done
  for server in "${servers[@]}"; do
    median_rps[$target,$server]=$(printf '%s\n' ${rps[$server]} | median)
    line="| $target | $server | ${median_rps[$target,$server]} | $(printf '%s\n' ${p50[$server]} | median) | $(printf '%s\n' ${p99[$server]} | median) |"
    echo "$line"
    results+="$line\n"
  done
done

# cchc's requests per second against nginx's serving the same bytes.
ratios="| target | bytes | cchc ÷ nginx |\n|---|---:|---:|\n"
for target in "${targets[@]}"; do
  line="| $target | ${bytes[$target]} | $(awk -v a="${median_rps[$target,cchc]}" -v b="${median_rps[$target,nginx]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }') |"
  echo "$line"
  ratios+="$line\n"
done

mkdir -p bench/results
{
  echo "# HTTP benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "$(nproc) cores; wrk -t2 -c$CONNECTIONS, ${DURATION}s runs; cchc $(git rev-parse --short HEAD)${CCHC_BASELINE:+, baseline $CCHC_BASELINE}; $(nginx -v 2>&1)"
  echo
  printf "%b" "$results"
  echo
  printf "%b" "$ratios"
} > bench/results/latest.md
cat bench/results/latest.md

# The signed-in pages and the indicator benchmark have the machine to
# themselves: the servers above stop first.
cleanup
trap - EXIT
bash bench/signed_in.sh
exec bash bench/indicators.sh
