#!/usr/bin/env bash
# Runs a command where a real Secret Service answers on the D-Bus session bus, as the credential
# tests (and `workbench credentials`) need.
#   bash scripts/with-keyring.sh CMD [ARGS...]
# In a desktop session (DBUS_SESSION_BUS_ADDRESS set) the command runs as it is, with the session's
# own keychain. Otherwise (CI, a server, a container) it runs inside a private session bus
# (dbus-run-session) with gnome-keyring's Secret Service, whose "login" keyring is created and
# unlocked in a temporary directory and removed afterwards: the user's own keyrings are never
# touched, and the bus and the daemon end with the command.
set -euo pipefail

if [ "${WB_KEYRING_INSIDE:-}" != 1 ]; then
  if [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then exec "$@"; fi
  for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null; then
      echo "with-keyring: $tool is missing; install it with: sudo apt-get install dbus gnome-keyring" >&2
      exit 1
    fi
  done
  # dbus-daemon's own chatter (e.g. it cannot raise the fd limit in a container) goes nowhere; the
  # command keeps the real stderr, passed on as fd 3.
  status=0
  WB_KEYRING_INSIDE=1 dbus-run-session -- bash "${BASH_SOURCE[0]}" "$@" 3>&2 2>/dev/null || status=$?
  exit "$status"
fi

# Inside the private bus.
exec 2>&3 3>&-
unset WB_KEYRING_INSIDE
dir=$(mktemp -d "${TMPDIR:-/tmp}/wb-keyring-XXXXXX")
trap 'rm -rf "$dir"' EXIT
mkdir -m 700 "$dir/data" "$dir/run"

# --unlock reads a password on stdin and creates the login keyring with it on first use, which
# makes it the default collection; the daemon keeps its files and control socket under $dir.
if ! printf '%s' "keyring-$$-$RANDOM" \
  | XDG_DATA_HOME="$dir/data" XDG_RUNTIME_DIR="$dir/run" \
    gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>"$dir/daemon.log"; then
  echo "with-keyring: gnome-keyring-daemon did not start:" >&2
  cat "$dir/daemon.log" >&2
  exit 1
fi
# Wait until it owns the Secret Service name: a call before that would have D-Bus start a second,
# locked daemon instead.
owned() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'
}
for _ in $(seq 1 100); do owned && break; sleep 0.05; done
if ! owned; then
  echo "with-keyring: gnome-keyring-daemon started but offers no Secret Service on the bus:" >&2
  cat "$dir/daemon.log" >&2
  exit 1
fi

status=0
"$@" || status=$?
exit "$status"
