#!/usr/bin/env bash
# A throwaway MariaDB server for chuan's tests and CI, from Debian's packages (apt-get install
# mariadb-server; its system service is never used). Never a mock: the JDBC data source is tested
# against this real server.
#
#   mariadb.sh start DIR [PORT]   a new datadir in DIR/data on 127.0.0.1:PORT (default: a free
#                                 port), socket in DIR/run; users 'chuan'@'127.0.0.1' and
#                                 'chuan'@'%' (password chuan-test-pw) with every privilege on
#                                 database registers (utf8mb4, as Debian's packaged server);
#                                 writes DIR/server.env and prints the JDBC URL
#   mariadb.sh stop DIR           stops it by the pid recorded at start (idempotent)
#   mariadb.sh sql DIR 'SQL'      runs SQL (or standard input) as chuan on registers over TCP;
#                                 rows come out tab-separated, without a header, NULL as NULL
#
# Binaries: mariadbd (/usr/sbin), mariadb-install-db, mariadb, mariadb-admin from Debian's
# mariadb-server and mariadb-client. Run as root, the server runs as the system user chuan-db (see
# lib.sh). The only administrator accounts are root@localhost and <that user>@localhost through
# the unix socket (mariadb-install-db's unix_socket authentication): no account without a password
# is reachable over TCP.
set -euo pipefail
# shellcheck source=scripts/db/lib.sh
. "$(dirname "$0")/lib.sh"

usage() {
  echo "usage: $PROG start DIR [PORT] | stop DIR | sql DIR ['SQL']" >&2
  exit 2
}

# find_exe NAME: the first executable NAME on PATH or in the system's bin folders (empty if none)
find_exe() {
  local folder folders
  IFS=: read -r -a folders <<< "$PATH:/usr/sbin:/usr/bin:/usr/local/sbin:/usr/local/bin"
  for folder in "${folders[@]}"; do
    if [ -n "$folder" ] && [ -f "$folder/$1" ] && [ -x "$folder/$1" ]; then
      echo "$folder/$1"
      return 0
    fi
  done
}

# find_binaries: MARIADBD, INSTALL_DB, CLIENT, ADMIN
find_binaries() {
  MARIADBD=$(find_exe mariadbd)
  INSTALL_DB=$(find_exe mariadb-install-db)
  CLIENT=$(find_exe mariadb)
  ADMIN=$(find_exe mariadb-admin)
  if [ -z "$MARIADBD" ] || [ -z "$INSTALL_DB" ]; then
    die_missing "MariaDB server binaries not found: apt-get install mariadb-server (.ci/run does)"
  fi
  if [ -z "$CLIENT" ] || [ -z "$ADMIN" ]; then
    die_missing "MariaDB client binaries not found: apt-get install mariadb-server (.ci/run does)"
  fi
}

# admin_sql: SQL on standard input, run by the server's OS user as its unix_socket account
admin_sql() {
  as_db "$CLIENT" --no-defaults --protocol=socket --socket="$SOCKET" -u "$DB_OS_USER" --batch
}

start() {
  local dir=$1 version url pid server_pid waited
  find_binaries
  setup_db_user
  prepare_dir "$dir" mariadb mariadbd.sock
  choose_port "${2:-}"
  SOCKET="$SOCKET_DIR/mariadbd.sock"
  version=$("$MARIADBD" --version | sed -n 's/.*Ver \([^ ]*\).*/\1/p')

  if ! as_db "$INSTALL_DB" --no-defaults --datadir="$DATA_DIR" --user="$DB_OS_USER" --skip-test-db \
    --skip-name-resolve > "$SRV/install-db.out" 2>&1; then
    show_log_tail "$SRV/install-db.out"
    die "mariadb-install-db failed; see $SRV/install-db.out"
  fi

  : > "$LOG"
  [ "${#AS_DB[@]}" -eq 0 ] || chown "$DB_OS_USER:" "$LOG"
  # --no-defaults: none of the machine's /etc/mysql settings; the character set is the one Debian's
  # packaged server sets (utf8mb4, utf8mb4_general_ci); local_infile is ON, as load-samples.sh uses
  # LOAD DATA LOCAL INFILE; durability is relaxed (a throwaway server)
  # its own session, away from the caller's terminal; exec keeps one pid from here to mariadbd
  (cd "$SRV" && exec setsid "${AS_DB[@]}" "$MARIADBD" --no-defaults --datadir="$DATA_DIR" \
    --socket="$SOCKET" --port="$PORT" --bind-address="$DB_HOST" --pid-file="$SOCKET_DIR/mariadbd.pid" \
    --log-error="$LOG" --skip-name-resolve --character-set-server=utf8mb4 \
    --collation-server=utf8mb4_general_ci --local-infile=1 --skip-log-bin \
    --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 < /dev/null >> "$LOG" 2>&1) &
  server_pid=$!
  waited=0
  until as_db "$ADMIN" --no-defaults --protocol=socket --socket="$SOCKET" -u "$DB_OS_USER" \
    --connect-timeout=2 ping > /dev/null 2>&1; do
    if ! kill -0 "$server_pid" 2> /dev/null; then
      show_log_tail "$LOG"
      die "MariaDB exited while starting on port $PORT; see its log $LOG"
    fi
    waited=$((waited + 1))
    if [ "$waited" -ge $((START_TIMEOUT * 5)) ]; then
      show_log_tail "$LOG"
      kill -KILL "$server_pid" 2> /dev/null || true
      die "MariaDB did not accept connections within ${START_TIMEOUT}s on port $PORT (killed it); see its log $LOG"
    fi
    sleep 0.2
  done
  pid=$(cat "$SOCKET_DIR/mariadbd.pid" 2> /dev/null || echo "$server_pid")
  pid_is_server "$pid" "$DATA_DIR" || die "MariaDB answers but its pid file names pid $pid, not the server; see $LOG"

  if ! admin_sql > "$SRV/setup.out" 2>&1 << EOF; then
CREATE DATABASE $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
CREATE USER '$DB_ROLE'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
CREATE USER '$DB_ROLE'@'%' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON $DB_NAME.* TO '$DB_ROLE'@'127.0.0.1', '$DB_ROLE'@'%';
EOF
    show_log_tail "$SRV/setup.out"
    die "could not create the user $DB_ROLE and the database $DB_NAME; see $SRV/setup.out and $LOG"
  fi

  url="jdbc:mariadb://$DB_HOST:$PORT/$DB_NAME"
  write_env mariadb "$url" "$pid" "$SOCKET" "$version" "$SOCKET_DIR/mariadbd.pid"
  # the password works over TCP, as a test will use it
  run_sql "$DIR" 'SELECT 1' > /dev/null || die "the user $DB_ROLE cannot log in over TCP; see $LOG"
  echo "$url"
}

# run_sql DIR [SQL]: the mariadb client as chuan over TCP with the password (MYSQL_PWD, not argv);
# --local-infile=1 lets LOAD DATA LOCAL INFILE read the client's files (load-samples.sh)
run_sql() {
  local dir=$1
  shift
  find_binaries
  read_server "$dir"
  sql_input "$@" | MYSQL_PWD=$DB_PASSWORD "$CLIENT" --no-defaults --protocol=tcp -h "$DB_HOST" -P "$PORT" \
    -u "$DB_ROLE" --default-character-set=utf8mb4 --local-infile=1 --connect-timeout=10 \
    --batch --raw --skip-column-names "$DB_NAME"
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
    # SIGTERM is mariadbd's normal shutdown: clients are disconnected, InnoDB shuts down cleanly
    stop_server "$1" TERM
    ;;
  sql)
    [ $# -le 2 ] || usage
    run_sql "$@"
    ;;
  *) usage ;;
esac
