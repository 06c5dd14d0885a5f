#!/usr/bin/env bash
# `npm test`: every test. Typecheck, lint, unit and integration tests on SQLite, the integration tests again on
# PostgreSQL, then the browser tests in Debian's Chromium against the production build.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian's Chromium for the browser tests…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null) || true
  fi
  command -v chromium >/dev/null 2>&1 || { echo "Chromium is missing: apt-get install -y chromium" >&2; exit 1; }
fi

pg_dir=""
# An if, not `[ -n … ] &&`: the EXIT trap's last status becomes the script's, and an empty test would fail the run.
cleanup() { if [ -n "$pg_dir" ]; then bash scripts/postgres-cluster.sh stop "$pg_dir"; fi; }
trap cleanup EXIT
if [ -z "${TEST_DATABASE_URL:-}" ] && [ "$(id -u)" = 0 ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  pg_dir=$(mktemp -d /tmp/portal-pg.XXXXXX)
  port=$((20000 + RANDOM % 20000))
  bash scripts/postgres-cluster.sh start "$pg_dir" "$port"
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
fi

echo "== typecheck"; npx tsc --noEmit
echo "== lint"; npx eslint . --max-warnings 0
echo "== unit and integration (SQLite)"; npx vitest run
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "== integration (PostgreSQL)"; TEST_DB=postgres npx vitest run tests/integration
else
  echo "== integration (PostgreSQL) skipped: no TEST_DATABASE_URL and no local PostgreSQL to start" >&2
fi
echo "== browser (Chromium)"; npx tsx scripts/e2e.ts
