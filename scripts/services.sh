#!/usr/bin/env bash
# Makes sure the local PostgreSQL and MariaDB the integration tests use are running (this machine
# kind has them installed; they may be stopped). Starts what is not running and waits for it.
set -uo pipefail
say() { printf '\033[1mservices:\033[0m %s\n' "$*"; }

pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
maria_up() { mariadb-admin --protocol=tcp -h 127.0.0.1 -P 3306 -u root ping >/dev/null 2>&1 || mysqladmin --protocol=tcp -h 127.0.0.1 -u root ping >/dev/null 2>&1; }

if ! pg_up; then
  if ls /etc/postgresql >/dev/null 2>&1; then
    say "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  fi
fi
if ! maria_up; then
  if [ -x /usr/sbin/mariadbd ]; then
    say "starting MariaDB"
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
  fi
fi
for _ in $(seq 1 60); do
  pg_up && maria_up && break
  sleep 1
done
pg_up || { say "PostgreSQL is not answering on 127.0.0.1:5432"; exit 1; }
maria_up || { say "MariaDB is not answering on 127.0.0.1:3306"; exit 1; }
say "PostgreSQL and MariaDB are up"
