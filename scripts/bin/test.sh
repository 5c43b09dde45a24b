#!/usr/bin/env bash
# `npm test`: the whole suite: types, lint, unit, integration (PGlite; PostgreSQL too when
# TEST_DATABASE_URL is set), then end-to-end in Chromium against a production build.
set -euo pipefail
cd "$(dirname "$0")/../.."

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
# Chromium drives the end-to-end tests; poppler's pdftotext reads the memo PDFs back.
if [ ! -x "$CHROMIUM" ] || ! command -v pdftotext >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Chromium or poppler-utils is missing: installing Debian's packages…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null
  else
    echo "Chromium or pdftotext is missing. Install them with:  sudo apt-get update && sudo apt-get install -y chromium poppler-utils" >&2
    exit 1
  fi
fi

step() { printf '\n== %s\n' "$*"; }

step "typecheck"; npx tsc --noEmit
# Size rules included: a file over 400 lines or a function over 80 (tests and generated code aside) fails.
step "lint"; npx eslint . --max-warnings 0
step "format"; npx prettier --check . > /dev/null || { echo "Files are not formatted: run npm run format"; npx prettier --list-different .; exit 1; }
step "unit and integration tests"; npx vitest run
step "production build"; NEXT_TELEMETRY_DISABLED=1 npm run build --silent
step "end-to-end tests (Chromium)"; npx playwright test
# Reliability against `next start` on the build above (README "Reliability"): racing stale saves
# and two instances, faults (PostgreSQL stopped mid-run, SIGKILL of the embedded store), load.
step "reliability: stale saves and instances"; npx tsx scripts/reliability/instances.ts
step "reliability: faults"; npx tsx scripts/reliability/faults.ts
step "reliability: memos render off the request thread"; npx tsx scripts/reliability/memos.ts
step "reliability: load"; npx tsx scripts/reliability/load.ts --seconds 30
