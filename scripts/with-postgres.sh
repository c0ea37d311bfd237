#!/usr/bin/env bash
# Run a command beside a throwaway PostgreSQL cluster:
#
#   scripts/with-postgres.sh COMMAND [ARG...]
#
# Creates a cluster in a temporary directory (listening on 127.0.0.1 only, on a
# free port, its unix socket inside that directory), creates the database
# dpa_test, exports DPA_TEST_DATABASE_URL=postgresql+psycopg://... and runs the
# command. Afterwards, whatever happened, the server is stopped and the
# directory deleted. Exits with the command's status.
#
# Durability is switched off (fsync, synchronous_commit): the data is thrown
# away anyway, and the test suite recreates its schema before every test.
# As root, the server runs as the `postgres` user (it refuses to run as root).
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARG...]" >&2
  exit 2
fi

# --- the server's binaries ---------------------------------------------------
BINDIR=""
if command -v pg_config >/dev/null 2>&1; then
  candidate=$(pg_config --bindir 2>/dev/null || true)
  [ -x "$candidate/initdb" ] && BINDIR=$candidate
fi
if [ -z "$BINDIR" ]; then
  # Debian keeps the server outside PATH; take the newest installed version.
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    if [ -x "$candidate/initdb" ]; then BINDIR=$candidate; break; fi
  done
fi
if [ -z "$BINDIR" ] && command -v initdb >/dev/null 2>&1; then
  BINDIR=$(dirname "$(command -v initdb)")
fi
if [ -z "$BINDIR" ]; then
  echo "with-postgres: no PostgreSQL server found (initdb); run scripts/setup.sh" >&2
  exit 127
fi

# --- who runs it -------------------------------------------------------------
if [ "$(id -u)" -eq 0 ]; then
  if ! id -u postgres >/dev/null 2>&1; then
    echo "with-postgres: running as root but there is no 'postgres' user; run scripts/setup.sh" >&2
    exit 1
  fi
  as_owner() { runuser -u postgres -- "$@"; }
  OWNER=postgres
else
  as_owner() { "$@"; }
  OWNER=$(id -un)
fi

PGTMP=$(mktemp -d "${TMPDIR:-/tmp}/dpa-pg.XXXXXX")
PGDATA_DIR="$PGTMP/data"
PGLOG="$PGTMP/server.log"

cleanup() {
  status=$?
  trap - EXIT INT TERM HUP
  if [ -f "$PGDATA_DIR/postmaster.pid" ]; then  # also after a start that timed out
    (cd "$PGTMP" && as_owner "$BINDIR/pg_ctl" -D "$PGDATA_DIR" -m fast -w -t 60 stop \
      >/dev/null 2>&1) ||
      (cd "$PGTMP" && as_owner "$BINDIR/pg_ctl" -D "$PGDATA_DIR" -m immediate -w stop \
        >/dev/null 2>&1) || true
  fi
  rm -rf "$PGTMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

[ "$OWNER" = "$(id -un)" ] || chown "$OWNER" "$PGTMP"
chmod 700 "$PGTMP"

# A random password for TCP connections; the socket, in a private directory, trusts.
PASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
printf '%s\n' "$PASSWORD" >"$PGTMP/pwfile"
[ "$OWNER" = "$(id -un)" ] || chown "$OWNER" "$PGTMP/pwfile"

if ! (cd "$PGTMP" && as_owner "$BINDIR/initdb" -D "$PGDATA_DIR" -U postgres \
      --pwfile="$PGTMP/pwfile" --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 --no-sync >"$PGTMP/initdb.log" 2>&1); then
  echo "with-postgres: initdb failed:" >&2
  cat "$PGTMP/initdb.log" >&2
  exit 1
fi
rm -f "$PGTMP/pwfile"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' \
    2>/dev/null || echo $((20000 + RANDOM % 40000))
}

# The port is free when chosen but could be taken before the server binds it:
# try a few times.
for attempt in 1 2 3 4 5; do
  PORT=$(free_port)
  cat >>"$PGDATA_DIR/postgresql.conf" <<EOF

# --- with-postgres.sh (attempt $attempt) ---
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$PGTMP'
max_connections = 100
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
EOF
  if (cd "$PGTMP" && as_owner "$BINDIR/pg_ctl" -D "$PGDATA_DIR" -l "$PGLOG" -w -t 60 start \
      >/dev/null 2>&1); then
    break
  fi
  if [ "$attempt" -eq 5 ]; then
    echo "with-postgres: the server did not start:" >&2
    tail -n 30 "$PGLOG" >&2 || true
    exit 1
  fi
done

DATABASE=dpa_test
(cd "$PGTMP" && as_owner "$BINDIR/createdb" -h "$PGTMP" -p "$PORT" -U postgres "$DATABASE")

export DPA_TEST_DATABASE_URL="postgresql+psycopg://postgres:$PASSWORD@127.0.0.1:$PORT/$DATABASE"
echo "with-postgres: PostgreSQL $("$BINDIR/postgres" -V | awk '{print $3}') on 127.0.0.1:$PORT" \
  "(database $DATABASE, in $PGTMP)" >&2

# Not exec: the trap must stop the server when the command ends.
set +e
"$@"
status=$?
set -e
exit "$status"
