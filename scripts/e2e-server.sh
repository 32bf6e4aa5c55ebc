#!/usr/bin/env bash
# Starts the already-built app (`next build` ran before) for the browser journeys.
#
# Embedded mode (no DATABASE_URL): every run gets a fresh PGlite folder
# .data/e2e-<timestamp>-<pid>; older ones are deleted unless a live process still holds
# them (their filo.lock names a running pid). The latest one is kept for post-mortems.
# Postgres mode (DATABASE_URL set): that database is migrated and seeded (idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${E2E_PORT:-3100}"

if [[ ! -f .next/BUILD_ID ]]; then
  echo "e2e-server: no production build in .next; run 'npx next build' first." >&2
  exit 1
fi

if [[ -z "${DATABASE_URL:-}" ]]; then
  shopt -s nullglob
  for dir in .data/e2e-*/; do
    dir="${dir%/}"
    lock="$dir/filo.lock"
    if [[ -f "$lock" ]]; then
      pid="$(tr -dc '0-9' <"$lock")"
      if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        echo "e2e-server: keeping $dir (in use by process $pid)"
        continue
      fi
    fi
    rm -rf -- "$dir"
  done
  export FILO_DATA_DIR=".data/e2e-$(date +%Y%m%d-%H%M%S)-$$"
  mkdir -p "$FILO_DATA_DIR"
  echo "e2e-server: embedded database in $FILO_DATA_DIR"
else
  echo "e2e-server: PostgreSQL database from DATABASE_URL"
fi

# The server migrates (and, when embedded and empty, seeds) at start too; doing it here
# first makes a migration or seed failure show up as such, before the server starts.
node_modules/.bin/tsx db/migrate-cli.ts
node_modules/.bin/tsx db/seed-cli.ts

exec node_modules/.bin/next start -p "$PORT" -H 127.0.0.1
