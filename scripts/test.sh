#!/usr/bin/env bash
# Every test Doorstep has, in the order a failure is cheapest to find:
# types, units and components, server (PGlite; PostgreSQL too when TEST_DATABASE_URL is set),
# then a production build driven end to end in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the end-to-end tests..."
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

echo "== type-check"
npx tsc --noEmit
npx tsc --noEmit -p tsconfig.shared.json

echo "== lint"
npx eslint .

echo "== unit, component and server tests"
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  echo "(TEST_DATABASE_URL is not set: server tests run on embedded PGlite only, not PostgreSQL)"
fi
npx vitest run

echo "== production build"
npx vite build

echo "== end-to-end tests in Chromium"
npx vitest run --config vitest.e2e.config.ts
