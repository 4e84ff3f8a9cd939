#!/usr/bin/env bash
# Runs every suite (unit and integration with vitest, end-to-end with Playwright in Chromium) and
# ends with one line `N passed, N failed` summing them all. Usage: npm test
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

say() { printf '\n== %s\n' "$*"; }

ensure_browser() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then return 0; fi
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  if ! { dpkg -s fonts-noto-cjk 2>/dev/null | grep -q 'ok installed' || fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; }; then
    missing+=(fonts-noto-cjk)
  fi
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing ${missing[*]} with apt-get"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || return 1
    return 0
  fi
  if ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-* >/dev/null 2>&1; then return 0; fi
  cat >&2 <<MSG
No browser for the end-to-end tests. Either:
  - install Debian's Chromium and CJK fonts: sudo apt-get install -y chromium fonts-noto-cjk
  - or point CHROMIUM_PATH at a Chromium/Chrome binary
  - or, where downloads are allowed: npx playwright install chromium
MSG
  return 1
}

mkdir -p test-results
rm -f test-results/vitest.json test-results/playwright.json test-results/checks.txt

# Static checks first: formatting, lint and types. Each counts as one result in the closing line, and
# any finding fails the run (the suites still run, so one push shows everything).
check() {
  local name=$1
  shift
  say "$name"
  if "$@"; then echo "pass $name" >>test-results/checks.txt; else echo "fail $name" >>test-results/checks.txt; fi
}
check "Format (prettier --check)" npx prettier --check --log-level warn .
check "Lint (eslint)" npx eslint --max-warnings 0 .
check "Types (tsc --noEmit)" npx tsc --noEmit

say "Unit and integration tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
unit_status=$?

e2e_status=0
say "Browser for end-to-end tests"
if ensure_browser; then
  say "Building the app"
  if npm run build --silent; then
    say "End-to-end tests (Playwright, Chromium)"
    npx playwright test "$@"
    e2e_status=$?
  else
    echo "next build failed" >&2
    e2e_status=1
  fi
else
  e2e_status=1
fi

node scripts/test-summary.mjs test-results/vitest.json test-results/playwright.json "$unit_status" "$e2e_status" test-results/checks.txt
