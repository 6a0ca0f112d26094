#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 server for tests: its own data directory
# under a temp dir, a free port on 127.0.0.1, run as a non-root user.
#   eval "$(scripts/pg-temp.sh start)"   exports CCHC_TEST_PG_URL and CCHC_PG_TEMP
#   scripts/pg-temp.sh stop "$CCHC_PG_TEMP"
set -euo pipefail
bin=/usr/lib/postgresql/15/bin

run_as() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 20000 ))
    (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { echo "$p"; return; }
  done
  echo "pg-temp: no free port found" >&2; exit 1
}

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/cchc-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    run_as "$bin/initdb" -D "$dir/data" -U cchc --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    port=$(free_port)
    run_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
    run_as "$bin/createdb" -h 127.0.0.1 -p "$port" -U cchc cchc_test
    echo "export CCHC_PG_TEMP=$dir"
    echo "export CCHC_TEST_PG_URL=postgresql://cchc@127.0.0.1:$port/cchc_test"
    ;;
  stop)
    dir=${2:?usage: pg-temp.sh stop DIR}
    run_as "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: scripts/pg-temp.sh start | stop DIR" >&2; exit 2 ;;
esac
