#!/usr/bin/env bash
# Serves the built app for the end-to-end tests on a fresh embedded database.
set -euo pipefail
port="${1:-3100}"
export DATABASE_URL="file:./.data/e2e-${port}"
export NEXTAUTH_URL="http://127.0.0.1:${port}"
export NEXTAUTH_SECRET="e2e-secret-e2e-secret-e2e-secret-e2e"
export NEXT_TELEMETRY_DISABLED=1
# The security matrix (e2e/security-matrix.spec.ts) signs up its own catalog administrator.
export ADMIN_EMAILS="demo@breakeven.local,matrix-admin@example.com"
# Emails are files the tests open (e2e/fixtures.ts); every test signs up from this one address.
export MAIL_OUTBOX_DIR=".data/e2e-${port}-outbox"
export SIGNUP_LIMIT_PER_HOUR=100000
rm -rf ".data/e2e-${port}" "$MAIL_OUTBOX_DIR"
npx tsx scripts/bin/db.ts deploy
npx tsx scripts/bin/db.ts seed
exec npx next start --hostname 127.0.0.1 --port "$port"
