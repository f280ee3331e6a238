#!/usr/bin/env bash
# Sets up and starts the workbench on the built-in demo city (Riverton). The first start creates
# the demo's legacy database (SQLite, through ODBC) and fills the desk's cache; later starts reuse
# them. Opens the desktop window where Electron can run, otherwise serves the same UI on
# 127.0.0.1 and prints the address to open.
#   WORKBENCH_HOME=DIR   keep this desk's files in DIR (default: the user's app data folder)
#   DEMO_SIZE=N          licences in a new demo city (default 5000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
source scripts/lib.sh
wb() { node bin/workbench.cjs "$@"; }

if ! wb status --json >/dev/null 2>&1 || [ "$(wb status --json | node -p 'JSON.parse(require("fs").readFileSync(0)).bridge')" = "null" ]; then
  echo "Creating the demo city Riverton (${DEMO_SIZE:-5000} licences)…"
  wb demo create --engine sqlite --size "${DEMO_SIZE:-5000}"
fi
if [ "$(wb status --json | node -p 'JSON.parse(require("fs").readFileSync(0)).licences')" = "0" ]; then
  wb sync
fi

electron_ok() {
  [ -f node_modules/electron/path.txt ] || timeout 300 node node_modules/electron/install.js >/dev/null 2>&1 || return 1
  [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" != Linux ]
}
if [ "${WORKBENCH_BROWSER:-0}" != 1 ] && electron_ok; then
  exec npx electron . "$@"
fi
echo "The desktop window cannot open here (no Electron binary or no display); serving the same workbench on 127.0.0.1."
exec node bin/workbench.cjs serve "$@"
