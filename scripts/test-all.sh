#!/usr/bin/env bash
# The project's single test command (`npm test`): lint, types, unit and integration
# tests, production build, browser journeys. Stops at the first failure.
#
#   npm test                                   embedded database (PGlite)
#   DATABASE_URL=postgres://… npm test         the same against a PostgreSQL server
#
# Needs only what `npm install` puts in node_modules, plus a Chromium at /usr/bin/chromium
# (or CHROMIUM_PATH) for the journeys.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="embedded database (PGlite)"
if [[ -n "${DATABASE_URL:-}" ]]; then
  mode="PostgreSQL ($(node -e 'const u = new URL(process.argv[1]); console.log(u.host + u.pathname)' "$DATABASE_URL"))"
fi

started=$SECONDS
logs="$(mktemp -d "${TMPDIR:-/tmp}/filo-test-all.XXXXXX")"
trap 'rm -rf "$logs"' EXIT
summary=()

section() {
  printf '\n\033[1m══ %s ══\033[0m\n' "$1"
}

# Runs one step, showing its output as it goes and keeping it to quote its last lines.
step() {
  local name="$1" pick="$2"
  shift 2
  section "$name"
  local log="$logs/${name// /_}.log" t0=$SECONDS status=0
  "$@" 2>&1 | tee "$log" || status=${PIPESTATUS[0]}
  local line
  line="$(sed -E 's/\x1b\[[0-9;]*m//g' "$log" | grep -E "$pick" | tail -n 3 | tr -s ' ' | paste -sd ';' - || true)"
  if [[ $status -ne 0 ]]; then
    summary+=("✗ $name ($((SECONDS - t0))s) ${line}")
    print_summary
    printf '\n\033[31mFAILED at: %s (exit %s)\033[0m\n' "$name" "$status"
    exit "$status"
  fi
  summary+=("✓ $name ($((SECONDS - t0))s) ${line}")
}

print_summary() {
  section "Summary – $mode"
  printf '%s\n' "${summary[@]}"
}

echo "Filo test suite on the $mode"

step "Lint" '✖|problems?' npm run --silent lint
step "Typecheck" 'error TS' npm run --silent typecheck
step "Unit and integration tests" '^ *(Test Files|Tests) ' npx --no-install vitest run
step "Build" '^✓ Compiled' npx --no-install next build
step "Browser journeys" '^Playwright summary' npx --no-install playwright test

print_summary
printf '\n\033[32mAll checks passed in %ss.\033[0m\n' "$((SECONDS - started))"
