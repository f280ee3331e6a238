#!/usr/bin/env bash
# Sets up and runs the whole test suite: lint (format, types, layer rule), unit, integration
# (real ODBC drivers against SQLite, PostgreSQL and MariaDB, a real Secret Service keychain) and
# end-to-end (Chromium).
#   bash scripts/test.sh                 everything
#   bash scripts/test.sh unit            one vitest project (unit | integration | fault | e2e)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh --test
source scripts/lib.sh
bash scripts/services.sh

project_args=()
[ $# -gt 0 ] && project_args=(--project "$1")

echo "== lint"
npm run --silent lint

echo "== tests"
mkdir -p test-results
status=0
# Inside a D-Bus session with an unlocked gnome-keyring when there is none: the credential tests
# run against a real Secret Service.
bash scripts/with-keyring.sh npx vitest run "${project_args[@]}" --reporter=default --reporter=json \
  --outputFile.json=test-results/vitest.json || status=$?
# One plain closing line that any CI reads, whatever the runner.
node -e '
  const r = JSON.parse(require("node:fs").readFileSync("test-results/vitest.json", "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' || true
exit $status
