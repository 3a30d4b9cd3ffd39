#!/usr/bin/env bash
# The whole test suite, as CI and a new user run it: installs what the tests need when it is
# missing (Chromium and PostgreSQL from Debian's packages when run as root), starts PostgreSQL
# if it is not running, then runs the checks and every test (unit, integration, browser).
set -euo pipefail
cd "$(dirname "$0")/.."

export KENDALI_TEST_DATABASE_URL="${KENDALI_TEST_DATABASE_URL:-postgres://postgres:postgres@127.0.0.1:5432/postgres}"
say() { printf '\n== %s\n' "$*"; }
is_root() { [ "$(id -u)" = 0 ]; }

apt_install() {
  if ! is_root || ! command -v apt-get >/dev/null; then
    echo "test:ci: missing $*; install it (Debian: sudo apt-get install -y $*) and run again" >&2
    exit 1
  fi
  say "installing $* (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "$@" || { apt-get update -q && apt-get install -y --no-install-recommends "$@"; }
}

# --- Chromium for the browser tests
if [ -z "${CHROMIUM_PATH:-}" ]; then
  for c in chromium chromium-browser; do
    if command -v "$c" >/dev/null; then CHROMIUM_PATH="$(command -v "$c")"; break; fi
  done
fi
if [ -z "${CHROMIUM_PATH:-}" ]; then
  apt_install chromium
  CHROMIUM_PATH="$(command -v chromium)"
fi
export CHROMIUM_PATH
echo "chromium: $CHROMIUM_PATH"

# --- PostgreSQL for the server-mode catalog tests
pg_status() { node scripts/pg-check.mjs && echo 0 || echo $?; }
start_clusters() {
  if command -v pg_lsclusters >/dev/null; then
    pg_lsclusters -h | while read -r ver name _port status _rest; do
      if [ "$status" != online ]; then pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start || true; fi
    done
  fi
}
st=$(pg_status)
if [ "$st" = 2 ]; then
  if ! command -v pg_ctlcluster >/dev/null; then apt_install postgresql; fi
  if ! is_root && ! command -v pg_ctlcluster >/dev/null; then
    echo "test:ci: PostgreSQL is not running at $KENDALI_TEST_DATABASE_URL; start it and run again" >&2
    exit 1
  fi
  say "starting PostgreSQL"
  start_clusters
  for _ in $(seq 1 30); do st=$(pg_status); [ "$st" = 2 ] || break; sleep 1; done
fi
if [ "$st" = 3 ] && is_root && command -v su >/dev/null; then
  # A fresh Debian install asks for a password on TCP: give the postgres role the one tests use.
  say "setting the test password of the postgres role"
  su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" && st=$(pg_status)
fi
if [ "$st" != 0 ]; then
  echo "test:ci: cannot use PostgreSQL at $KENDALI_TEST_DATABASE_URL (status $st)" >&2
  exit 1
fi
echo "postgresql: ready"

say "type check and lint"
npm run check

say "build"
npm run build

say "unit and integration tests"
npx vitest run

say "browser tests"
KENDALI_SKIP_WEB_BUILD=1 npx vitest run --config vitest.browser.config.ts

say "all tests passed"
