# Shared by the benchmark scripts (sourced, not run).

# The servers measured run no daily work (app/daily.h): its reminders and
# mail would run beside what is measured.
export CCHC_DAILY=off

# A TCP port nothing listens on.
free_port() {
  local p
  while :; do
    p=$(( 20000 + RANDOM % 20000 ))
    (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { echo "$p"; return; }
  done
}

# Waits up to 10 s for a URL to answer 2xx; exits the script otherwise.
wait_for() {
  for _ in $(seq 1 100); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "no answer from $1" >&2
  exit 1
}

# wrk's latency figures ("850.00us", "1.20ms", "2.00s") → milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
    printf "%.3f", n }'
}

# Writes DIR/nginx.conf: nginx on 127.0.0.1:PORT with the settings every
# benchmark compares against (2 workers, access log off, sendfile,
# keep-alive), serving the location blocks read from standard input.
nginx_conf() {
  local dir=$1 port=$2
  {
    cat <<CONF
worker_processes 2;
daemon off;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$port;
CONF
    cat
    printf '  }\n}\n'
  } > "$dir/nginx.conf"
}
