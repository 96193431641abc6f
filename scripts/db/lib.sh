#!/usr/bin/env bash
# Shared by scripts/db/postgres.sh and scripts/db/mariadb.sh: throwaway database servers for chuan's
# tests and CI, from Debian's packages, on 127.0.0.1, stopped by the pid they record.
#
# A server started in DIR keeps everything of its own under DIR:
#   DIR/data/        the cluster (PostgreSQL) or datadir (MariaDB)
#   DIR/run/         its unix socket (mode 0700: only the server's user, and root, reach it)
#   DIR/server.log   its log
#   DIR/server.env   KEY=value lines (not shell-quoted; read them with env_get, never `source`):
#                    KIND HOST PORT DB USER PASSWORD JDBC_URL PID, then PID_FILE SOCKET DATA_DIR
#                    LOG OS_USER VERSION
# The server never runs as root (PostgreSQL refuses to): as root the scripts run it as the system
# user CHUAN_DB_USER (default chuan-db, made with useradd -r when missing) and chown DIR to it;
# otherwise it runs as the calling user. When that user cannot reach DIR (a DIR below root's 0700
# home) or the socket's path would be too long for a unix socket, the server's files go to
# /tmp/chuan-db-<hash of DIR>/ instead and server.env says where (DATA_DIR, SOCKET, LOG).
#
# Tunables (environment): CHUAN_DB_USER, CHUAN_DB_START_TIMEOUT (s, default 60),
# CHUAN_DB_STOP_TIMEOUT (s, default 30).

# used by the scripts that source this file
# shellcheck disable=SC2034
DB_NAME=registers
DB_ROLE=chuan
DB_PASSWORD=chuan-test-pw
DB_HOST=127.0.0.1
START_TIMEOUT=${CHUAN_DB_START_TIMEOUT:-60}
STOP_TIMEOUT=${CHUAN_DB_STOP_TIMEOUT:-30}
# the binaries are missing: 69 (EX_UNAVAILABLE), so a caller can tell it from a failed start
EXIT_MISSING=69

PROG=$(basename "$0")

die() {
  echo "$PROG: error: $*" >&2
  exit 1
}

die_missing() {
  echo "$PROG: error: $*" >&2
  exit "$EXIT_MISSING"
}

note() {
  echo "$PROG: $*" >&2
}

# the last lines of a log, indented, after an error that names it
show_log_tail() {
  if [ -s "$1" ]; then
    tail -n "${2:-8}" "$1" | sed 's/^/    /' >&2
  fi
}

# env_get FILE KEY: the value of KEY in a server.env (empty when absent)
env_get() {
  local key value
  while IFS='=' read -r key value; do
    if [ "$key" = "$2" ]; then
      printf '%s\n' "$value"
      return 0
    fi
  done < "$1"
  return 0
}

# setup_db_user: who runs the server. Sets DB_OS_USER and AS_DB (the command prefix that runs a
# program as that user; empty when it is us).
setup_db_user() {
  AS_DB=()
  if [ "$(id -u)" -ne 0 ]; then
    DB_OS_USER=$(id -un)
    return 0
  fi
  DB_OS_USER=${CHUAN_DB_USER:-chuan-db}
  if ! id -u "$DB_OS_USER" > /dev/null 2>&1; then
    # a system user without a home or a login shell; a second start racing us may have made it
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
      "$DB_OS_USER" 2> /dev/null || id -u "$DB_OS_USER" > /dev/null 2>&1 \
      || die "could not create the system user $DB_OS_USER (useradd -r) to run the server as"
  fi
  # setpriv execs the program in place (no intermediate process), so a recorded pid is the server's
  AS_DB=(setpriv "--reuid=$DB_OS_USER" "--regid=$DB_OS_USER" --init-groups)
}

# as_db CMD...: run CMD as the server's user, from a folder that user can read
as_db() {
  (cd "$SRV" && "${AS_DB[@]}" "$@")
}

# pick_port: a port on 127.0.0.1 that nothing listens on now
pick_port() {
  if command -v python3 > /dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' && return 0
  fi
  local port tries
  for tries in $(seq 1 50); do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if ! port_in_use "$port"; then
      echo "$port"
      return 0
    fi
    : "$tries"
  done
  die "found no free port on 127.0.0.1"
}

port_in_use() {
  (: <> "/dev/tcp/127.0.0.1/$1") 2> /dev/null
}

# pid_is_server PID DATA_DIR: PID is alive and is the server of DATA_DIR (not a reused pid)
pid_is_server() {
  local pid=$1 data=$2
  [ -n "$pid" ] && [ -n "$data" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' '\n' < "/proc/$pid/cmdline" 2> /dev/null | grep -qF -- "$data"
}

# prepare_dir DIR KIND SOCKET_NAME: make DIR (an absolute, physical path in $DIR), refuse when a
# server still runs there, clear what an earlier server left, and choose SRV, the folder holding
# the server's own files, with DATA_DIR, SOCKET_DIR, LOG under it.
prepare_dir() {
  local dir=$1 socket_name=$3 old_env old_pid old_data hash
  mkdir -p "$dir" || die "cannot create $dir"
  DIR=$(cd "$dir" && pwd -P)
  old_env="$DIR/server.env"
  if [ -f "$old_env" ]; then
    old_pid=$(env_get "$old_env" PID)
    old_data=$(env_get "$old_env" DATA_DIR)
    if pid_is_server "$old_pid" "$old_data"; then
      die "a server is already running in $DIR (pid $old_pid): run '$PROG stop $DIR' first"
    fi
    # a throwaway server that is gone: its files go with it
    if [ -n "$old_data" ] && [ "$old_data" != "$DIR/data" ]; then
      rm -rf "$(dirname "$old_data")"
    fi
  fi
  rm -rf "$DIR/data" "$DIR/run" "$DIR/server.log" "$DIR/server.env" "$DIR"/*.out
  SRV=$DIR
  if [ "${#AS_DB[@]}" -gt 0 ]; then
    chown "$DB_OS_USER:" "$DIR"
    chmod 0755 "$DIR"
    if ! (cd / && "${AS_DB[@]}" test -w "$DIR" -a -x "$DIR") 2> /dev/null; then
      SRV=""
      note "$DB_OS_USER cannot reach $DIR (a parent folder shuts it out): the server's files go to /tmp"
    fi
  fi
  if [ -n "$SRV" ] && [ "${#SRV}" -gt $((100 - ${#socket_name} - 5)) ]; then
    SRV=""
    note "$DIR is too long a path for a unix socket: the server's files go to /tmp"
  fi
  if [ -z "$SRV" ]; then
    hash=$(printf '%s' "$DIR" | cksum | cut -d' ' -f1)
    SRV="/tmp/chuan-db-$hash"
    rm -rf "$SRV"
    mkdir -m 0755 "$SRV"
    [ "${#AS_DB[@]}" -eq 0 ] || chown "$DB_OS_USER:" "$SRV"
  fi
  DATA_DIR="$SRV/data"
  SOCKET_DIR="$SRV/run"
  LOG="$SRV/server.log"
  mkdir -m 0700 "$SOCKET_DIR"
  [ "${#AS_DB[@]}" -eq 0 ] || chown "$DB_OS_USER:" "$SOCKET_DIR"
}

# choose_port [PORT]: PORT when given (and free), else a free one
choose_port() {
  if [ -n "${1:-}" ]; then
    case "$1" in
      '' | *[!0-9]*) die "PORT must be a number: $1" ;;
    esac
    if [ "$1" -lt 1 ] || [ "$1" -gt 65535 ]; then die "PORT must be 1-65535: $1"; fi
    ! port_in_use "$1" || die "port $1 on 127.0.0.1 is already in use"
    PORT=$1
  else
    PORT=$(pick_port)
  fi
}

# write_env KIND JDBC_URL PID SOCKET VERSION PID_FILE: DIR/server.env
write_env() {
  local tmp="$DIR/server.env.tmp"
  {
    echo "KIND=$1"
    echo "HOST=$DB_HOST"
    echo "PORT=$PORT"
    echo "DB=$DB_NAME"
    echo "USER=$DB_ROLE"
    echo "PASSWORD=$DB_PASSWORD"
    echo "JDBC_URL=$2"
    echo "PID=$3"
    echo "PID_FILE=$6"
    echo "SOCKET=$4"
    echo "DATA_DIR=$DATA_DIR"
    echo "LOG=$LOG"
    echo "OS_USER=$DB_OS_USER"
    echo "VERSION=$5"
  } > "$tmp"
  mv "$tmp" "$DIR/server.env"
}

# read_server DIR: the recorded server of DIR into ENV_FILE, PORT, PID, DATA_DIR (dies when none)
read_server() {
  [ -d "$1" ] || die "no such folder: $1"
  DIR=$(cd "$1" && pwd -P)
  ENV_FILE="$DIR/server.env"
  [ -f "$ENV_FILE" ] || die "no server was started in $DIR (no server.env)"
  PORT=$(env_get "$ENV_FILE" PORT)
  PID=$(env_get "$ENV_FILE" PID)
  DATA_DIR=$(env_get "$ENV_FILE" DATA_DIR)
}

# stop_server DIR SIGNAL: stop the server recorded in DIR by its pid: SIGNAL (the server's own
# clean shutdown), a bounded wait, SIGKILL as the last resort. Nothing recorded, or the process
# gone: nothing to do (stop is idempotent).
stop_server() {
  local signal=$2 waited=0 limit
  if [ ! -f "$1/server.env" ]; then
    note "no server recorded in $1: nothing to stop"
    return 0
  fi
  read_server "$1"
  if ! pid_is_server "$PID" "$DATA_DIR"; then
    note "the server of $DIR (pid ${PID:-?}) is not running"
    return 0
  fi
  kill "-$signal" "$PID" 2> /dev/null || true
  limit=$((STOP_TIMEOUT * 10))
  while pid_is_server "$PID" "$DATA_DIR" && [ "$waited" -lt "$limit" ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  if pid_is_server "$PID" "$DATA_DIR"; then
    note "the server (pid $PID) did not stop within ${STOP_TIMEOUT}s of SIG$signal: SIGKILL"
    kill -KILL "$PID" 2> /dev/null || true
    waited=0
    while pid_is_server "$PID" "$DATA_DIR" && [ "$waited" -lt 50 ]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    ! pid_is_server "$PID" "$DATA_DIR" || die "the server (pid $PID) survived SIGKILL"
  fi
  note "stopped the server of $DIR (pid $PID)"
}

# sql_input [SQL]: the SQL to run, from the argument or else from standard input, on stdout
sql_input() {
  if [ $# -ge 1 ]; then
    printf '%s\n' "$1"
  elif [ -t 0 ]; then
    die "give the SQL as an argument or on standard input"
  else
    cat
  fi
}
