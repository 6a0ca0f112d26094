#!/usr/bin/env bash
# Installs what cchc needs and is missing, never more: Debian 12 packages
# through apt, and the pinned npm packages of frontend/ through `npm ci`.
#   scripts/setup.sh run    build + serve
#   scripts/setup.sh test   also PostgreSQL 15, Chromium, clang and its libFuzzer runtime (the fuzz tier)
#   scripts/setup.sh bench  also nginx and wrk
#   scripts/setup.sh fuzz   also clang and its libFuzzer runtime
#   scripts/setup.sh format also clang-format
#   scripts/setup.sh lint   also clang and clang-tidy
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-run}

pkgs=(cmake g++ make pkg-config ccache
      libboost1.81-dev libboost-url1.81-dev libsqlite3-dev libpq-dev libctemplate-dev
      libspdlog-dev libfmt-dev libsodium-dev libicu-dev zlib1g-dev libbrotli-dev
      nlohmann-json3-dev libcli11-dev libcsv-dev libabsl-dev libmimetic-dev libxlsxwriter-dev libzip-dev libexpat1-dev libcurl4-openssl-dev libmagic-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libdtl-dev libre2-dev libpoppler-cpp-dev poppler-utils tesseract-ocr tesseract-ocr-vie libpugixml-dev libreoffice-writer-nogui libgtest-dev libgmock-dev libbenchmark-dev)
case "$profile" in
  run) ;;
  test) pkgs+=(postgresql-15 postgresql-client-15 chromium curl sqlite3 clang-14 libclang-rt-14-dev) ;;
  bench) pkgs+=(nginx wrk curl) ;;
  fuzz) pkgs+=(clang-14 libclang-rt-14-dev) ;;
  format) pkgs+=(clang-format-14) ;;
  lint) pkgs+=(clang-14 clang-tidy-14) ;;
  *) echo "usage: scripts/setup.sh run|test|bench|fuzz|format|lint" >&2; exit 2 ;;
esac
command -v npm >/dev/null 2>&1 || pkgs+=(nodejs npm)

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm: reinstall only when the lock file changed since the last install.
stamp=frontend/node_modules/.cchc-lock
if ! cmp -s frontend/package-lock.json "$stamp" 2>/dev/null; then
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
  cp frontend/package-lock.json "$stamp"
fi

# The browser-side assets the app serves under /static/vendor/.
mkdir -p static/vendor
install -m 644 frontend/node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx.min.js
install -m 644 frontend/node_modules/@picocss/pico/css/pico.min.css static/vendor/pico.min.css
install -m 644 frontend/node_modules/echarts/dist/echarts.min.js static/vendor/echarts.min.js
