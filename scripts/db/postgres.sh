#!/usr/bin/env bash
# A throwaway PostgreSQL server for chuan's tests and CI, from Debian's packages (apt-get install
# postgresql; its system service is never used). Never a mock: the JDBC data source is tested
# against this real server.
#
#   postgres.sh start DIR [PORT]   a new cluster in DIR/data on 127.0.0.1:PORT (default: a free
#                                  port), socket in DIR/run; role chuan (password chuan-test-pw,
#                                  scram-sha-256 over TCP, no superuser) owning database registers;
#                                  writes DIR/server.env and prints the JDBC URL
#   postgres.sh stop DIR           stops it by the pid recorded at start (idempotent)
#   postgres.sh sql DIR 'SQL'      runs SQL (or standard input) as chuan on registers over TCP;
#                                  rows come out tab-separated, without a header, NULL as NULL
#
# Binaries: the newest /usr/lib/postgresql/*/bin (Debian's layout), or PG_BIN. Run as root, the
# server runs as the system user chuan-db (see lib.sh).
set -euo pipefail
# shellcheck source=scripts/db/lib.sh
. "$(dirname "$0")/lib.sh"

usage() {
  echo "usage: $PROG start DIR [PORT] | stop DIR | sql DIR ['SQL']" >&2
  exit 2
}

# find_binaries: PG_BIN, the folder holding postgres, initdb, pg_ctl, psql, pg_isready
find_binaries() {
  local candidate tool
  if [ -z "${PG_BIN:-}" ]; then
    for candidate in $(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2> /dev/null | sort -V -r); do
      if [ -x "$candidate/postgres" ] && [ -x "$candidate/initdb" ]; then
        PG_BIN=$candidate
        break
      fi
    done
  fi
  [ -n "${PG_BIN:-}" ] || die_missing "PostgreSQL server binaries not found: apt-get install postgresql (.ci/run does)"
  for tool in postgres initdb pg_ctl psql pg_isready; do
    [ -x "$PG_BIN/$tool" ] \
      || die_missing "PostgreSQL server binaries not found ($PG_BIN/$tool is missing): apt-get install postgresql (.ci/run does)"
  done
}

# a quoted literal for postgresql.conf
conf_quote() {
  printf "'%s'" "${1//\'/\'\'}"
}

start() {
  local dir=$1 version url pid waited
  find_binaries
  setup_db_user
  prepare_dir "$dir" postgres ".s.PGSQL.65535"
  choose_port "${2:-}"
  version=$("$PG_BIN/postgres" --version | sed 's/^postgres (PostgreSQL) //')

  # a UTF-8 cluster without a locale (byte order, as C), the bootstrap superuser "postgres"
  # reachable only through the socket (trust; the socket's folder is 0700), passwords over TCP
  if ! as_db "$PG_BIN/initdb" --pgdata="$DATA_DIR" --username=postgres --encoding=UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 --no-sync > "$SRV/initdb.out" 2>&1; then
    show_log_tail "$SRV/initdb.out"
    die "initdb failed; see $SRV/initdb.out"
  fi
  cat > "$DATA_DIR/pg_hba.conf" << 'EOF'
# throwaway test cluster (scripts/db/postgres.sh): the socket for the bootstrap superuser,
# TCP on 127.0.0.1 with scram-sha-256 passwords for everyone else
local all all               trust
host  all all 127.0.0.1/32  scram-sha-256
EOF
  # durability is switched off: the cluster is thrown away after the tests
  cat >> "$DATA_DIR/postgresql.conf" << EOF

# scripts/db/postgres.sh
listen_addresses = '$DB_HOST'
port = $PORT
unix_socket_directories = $(conf_quote "$SOCKET_DIR")
unix_socket_permissions = 0700
password_encryption = 'scram-sha-256'
logging_collector = off
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

  if ! as_db "$PG_BIN/pg_ctl" --pgdata="$DATA_DIR" --log="$LOG" --wait --timeout="$START_TIMEOUT" start \
    > "$SRV/pg_ctl.out" 2>&1; then
    show_log_tail "$LOG"
    pid=$(head -n 1 "$DATA_DIR/postmaster.pid" 2> /dev/null || true)
    if pid_is_server "$pid" "$DATA_DIR"; then
      kill -KILL "$pid" 2> /dev/null || true
      die "PostgreSQL did not start within ${START_TIMEOUT}s on port $PORT (killed it); see its log $LOG"
    fi
    die "PostgreSQL exited while starting on port $PORT; see its log $LOG"
  fi
  pid=$(head -n 1 "$DATA_DIR/postmaster.pid")
  waited=0
  until "$PG_BIN/pg_isready" -q -h "$DB_HOST" -p "$PORT" -t 2; do
    waited=$((waited + 1))
    if [ "$waited" -ge "$START_TIMEOUT" ] || ! pid_is_server "$pid" "$DATA_DIR"; then
      show_log_tail "$LOG"
      die "PostgreSQL does not accept connections on $DB_HOST:$PORT; see its log $LOG"
    fi
    sleep 1
  done

  if ! as_db "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCKET_DIR" -p "$PORT" -U postgres -d postgres \
    > "$SRV/setup.out" 2>&1 << EOF; then
CREATE ROLE $DB_ROLE LOGIN PASSWORD '$DB_PASSWORD' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
CREATE DATABASE $DB_NAME OWNER $DB_ROLE ENCODING 'UTF8' TEMPLATE template0;
EOF
    show_log_tail "$SRV/setup.out"
    die "could not create the role $DB_ROLE and the database $DB_NAME; see $SRV/setup.out and $LOG"
  fi

  url="jdbc:postgresql://$DB_HOST:$PORT/$DB_NAME"
  write_env postgres "$url" "$pid" "$SOCKET_DIR/.s.PGSQL.$PORT" "$version" "$DATA_DIR/postmaster.pid"
  # the password works over TCP, as a test will use it
  run_sql "$DIR" 'SELECT 1' > /dev/null || die "the role $DB_ROLE cannot log in over TCP; see $LOG"
  echo "$url"
}

# run_sql DIR [SQL]: psql as chuan over TCP with the password
run_sql() {
  local dir=$1
  shift
  find_binaries
  read_server "$dir"
  sql_input "$@" | PGPASSWORD=$DB_PASSWORD PGCONNECT_TIMEOUT=10 PGCLIENTENCODING=UTF8 \
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$PORT" -U "$DB_ROLE" -d "$DB_NAME" \
    --no-align --tuples-only --field-separator=$'\t' --pset=null=NULL -f -
}

[ $# -ge 2 ] || usage
command=$1
shift
case "$command" in
  start)
    [ $# -le 2 ] || usage
    start "$@"
    ;;
  stop)
    [ $# -eq 1 ] || usage
    # SIGINT is PostgreSQL's "fast" shutdown: clients are disconnected, the cluster shuts down
    # cleanly. Its SIGTERM ("smart") would wait for every client to leave, and a JVM stopping the
    # server from its shutdown hook still holds its connections.
    stop_server "$1" INT
    ;;
  sql)
    [ $# -le 2 ] || usage
    run_sql "$@"
    ;;
  *) usage ;;
esac
