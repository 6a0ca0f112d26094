#!/usr/bin/env bash
# Signed-in pages under load (issue 17, goals 5 and 7): `cchc serve` on a
# SQLite database, signed in as the demo's admin through the sign-in form,
# then wrk -t2 -c64 with the session cookie on the pages the goal names,
# one after another, DURATION seconds each (default 10) after a 2 s
# warm-up: the work list everyone lands on (/viec-cua-toi), the indicator
# dashboard (/chi-so), the plans (/ke-hoach) and the province view
# (/ke-hoach/tong-hop); then, for the mix of goal 7, two anonymous pages
# (/cong-khai/chi-so, /xep-hang) the same way. Prints req/s, p50 and p99
# per page (goal 5: >= 5 000 req/s, p99 < 50 ms) and the server's peak
# RSS, VmHWM, once every page has run (goal 7: <= 256 MiB).
#   DB=path     serve this database (e.g. one a 10 M-dossier benchmark
#               imported into, with the demo's users); default: a fresh
#               `cchc demo` database
#   THREADS=n   the server's I/O threads (default: its own default)
# Results: printed, and written to bench/results/signed_in.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
# shellcheck source=bench/lib.sh
. bench/lib.sh
DURATION=${DURATION:-10}

bash scripts/setup.sh bench
make --no-print-directory build TARGET=cchc >/dev/null

work=$(mktemp -d /tmp/cchc-signed-in.XXXXXX)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

db=${DB:-}
if [ -z "$db" ]; then
  db="$work/demo.db"
  ./build/cchc demo --db "$db" >/dev/null 2>&1
fi
dossiers=$(sqlite3 "$db" "SELECT COUNT(*) FROM dossiers")
port=$(free_port)
./build/cchc serve --db "$db" --port "$port" --no-access-log ${THREADS:+--threads "$THREADS"} \
  --templates "$root/templates" >/dev/null 2>"$work/serve.log" &
pid=$!
wait_for "http://127.0.0.1:$port/healthz"

# Sign in as a browser would: the form's token, then the session cookie.
base="http://127.0.0.1:$port"
curl -fs -c "$work/jar" "$base/dang-nhap" -o "$work/form.html"
csrf=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$work/form.html" | head -1)
curl -fs -b "$work/jar" -c "$work/jar" -o /dev/null \
  --data-urlencode "_csrf=$csrf" --data-urlencode "username=demo.admin" \
  --data-urlencode "password=demo-admin-dongnai" "$base/dang-nhap"
cookie=$(awk '$6 ~ /cchc_session$/ { print $6 "=" $7 }' "$work/jar")
[ -n "$cookie" ] || { echo "sign-in failed" >&2; exit 1; }

results="| page | who | req/s | p50 ms | p99 ms |\n|---|---|---:|---:|---:|\n"
run() {  # path, who (a cookie or "anonymous")
  local path=$1 who=$2 header=() out line
  [ "$who" = anonymous ] || header=(-H "Cookie: $cookie")
  status=$(curl -s -o /dev/null -w '%{http_code}' "${header[@]}" "$base$path")
  [ "$status" = 200 ] || { echo "$path answered $status" >&2; exit 1; }
  wrk -t2 -c64 -d2s "${header[@]}" "$base$path" >/dev/null
  out=$(wrk -t2 -c64 -d"${DURATION}s" --latency "${header[@]}" "$base$path")
  line="| $path | $who | $(echo "$out" | awk '/Requests\/sec/ { print $2 }') | $(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')") | $(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')") |"
  echo "$line"
  results+="$line\n"
}
for path in /viec-cua-toi /chi-so /ke-hoach /ke-hoach/tong-hop; do run "$path" signed-in; done
for path in /cong-khai/chi-so /xep-hang; do run "$path" anonymous; done
rss=$(awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status")
echo "server peak RSS (VmHWM): $rss MiB, $dossiers dossiers"

mkdir -p bench/results
{
  echo "# Signed-in pages, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "$(nproc) cores; wrk -t2 -c64, ${DURATION}s a page; cchc $(git rev-parse --short HEAD); $dossiers dossiers"
  echo
  printf "%b" "$results"
  echo
  echo "Server peak RSS (VmHWM) after every page: $rss MiB."
} > bench/results/signed_in.md
