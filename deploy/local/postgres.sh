# PostgreSQL 15: private cluster in .edu/pg, port 55432, 127.0.0.1 only, scram-sha-256 over TCP.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DATA="$EDU_DIR/pg"
PG_PORT=55432
PG_LOG="$LOG_DIR/postgres.log"

# pg_as <cmd...>: run as the postgres OS user when we are root (initdb refuses root)
pg_as() {
  if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_install() {
  [[ -x $PG_BIN/initdb ]] && return 0
  [[ $(id -u) == 0 ]] || die postgres "$PG_BIN missing; install PostgreSQL 15 (apt-get install -y postgresql)"
  say postgres "installing PostgreSQL 15 (apt-get)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; } \
    || die postgres "apt-get install postgresql failed"
  [[ -x $PG_BIN/initdb ]] || die postgres "$PG_BIN/initdb still missing after apt-get"
}

# pg_fix_parents: every parent of the data dir must be traversable by the postgres user
pg_fix_parents() {
  [[ $(id -u) == 0 ]] || return 0
  local dirs=() d=$EDU_DIR
  while [[ $d != / ]]; do dirs=("$d" "${dirs[@]}"); d=$(dirname "$d"); done
  for d in "${dirs[@]}"; do   # top-down: a child can only be tested once its parents are traversable
    if ! runuser -u postgres -- test -x "$d" 2>/dev/null; then
      say postgres "chmod o+x $d (postgres must traverse it)"
      chmod o+x "$d" || die postgres "cannot make $d traversable for postgres"
    fi
  done
  touch "$PG_LOG" && chown postgres "$PG_LOG" 2>/dev/null || true
}

pg_running() { pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

pg_init() {
  [[ -f $PG_DATA/PG_VERSION ]] && return 0
  say postgres "initdb $PG_DATA"
  mkdir -p "$PG_DATA"
  [[ $(id -u) == 0 ]] && chown postgres: "$PG_DATA"
  chmod 700 "$PG_DATA"
  # Superuser password is random and thrown away: admin access is peer auth over the private socket.
  local pwfile; pwfile=$(mktemp)
  openssl rand -hex 24 >"$pwfile"
  [[ $(id -u) == 0 ]] && chown postgres "$pwfile"
  pg_as "$PG_BIN/initdb" -D "$PG_DATA" -E UTF8 --locale=C.UTF-8 --auth-local=peer \
    --auth-host=scram-sha-256 --pwfile="$pwfile" >>"$PG_LOG" 2>&1 \
    || { rm -f "$pwfile"; tail_log postgres; rm -rf "$PG_DATA"; die postgres "initdb failed"; }
  rm -f "$pwfile"
}

pg_psql() { pg_as "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DATA" -p "$PG_PORT" -d postgres "$@"; }

# pg_role_db: role edu (password from .edu/env, kept in sync; sent on stdin, not argv) and database edu
pg_role_db() {
  local pw_sql=${PG_PASSWORD//\'/\'\'}
  if [[ $(pg_psql -tAc "SELECT 1 FROM pg_roles WHERE rolname='edu'") != 1 ]]; then
    say postgres "creating role edu"
    pg_psql <<<"CREATE ROLE edu LOGIN CREATEDB PASSWORD '$pw_sql'" >/dev/null || die postgres "CREATE ROLE failed"
  else
    pg_psql <<<"ALTER ROLE edu PASSWORD '$pw_sql'" >/dev/null || die postgres "ALTER ROLE failed"
  fi
  if [[ $(pg_psql -tAc "SELECT 1 FROM pg_database WHERE datname='edu'") != 1 ]]; then
    say postgres "creating database edu"
    pg_psql -c "CREATE DATABASE edu OWNER edu" >/dev/null || die postgres "CREATE DATABASE failed"
  fi
}

pg_up() {
  pg_install
  pg_fix_parents
  if pg_running; then
    say postgres "already running (pid $(head -1 "$PG_DATA/postmaster.pid"), port $PG_PORT)"
  else
    pg_init
    port_free "$PG_PORT" 5 || die postgres "port $PG_PORT is taken by another process"
    say postgres "starting on 127.0.0.1:$PG_PORT"
    # random_page_cost 1.1 (default 4, for spinning disks): the data sits on SSD and mostly in memory. At 4 the planner
    # met a batch update of 180 signing tasks with a sequential scan of the whole table (7.3 ms against 5.3 ms through
    # the primary key at 17,556 rows, and growing with the table).
    pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
      -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c random_page_cost=1.1 ${EDU_PG_OPTIONS:-}" start >/dev/null \
      || { tail_log postgres; die postgres "pg_ctl start failed"; }
  fi
  head -1 "$PG_DATA/postmaster.pid" >"$(pid_file postgres)"
  pg_role_db
  PGPASSWORD=$PG_PASSWORD "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U edu -d edu \
    || die postgres "not accepting connections on 127.0.0.1:$PG_PORT"
  say postgres "ready"
}

pg_down() {
  if [[ -d $PG_DATA ]] && pg_running; then
    say postgres "stopping"
    pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null || die postgres "pg_ctl stop failed"
    say postgres "stopped"
  else
    say postgres "not running"
  fi
  rm -f "$(pid_file postgres)"
}

pg_status() {
  if [[ -d $PG_DATA ]] && pg_running; then
    status_line postgres up "$(head -1 "$PG_DATA/postmaster.pid")" "$PG_PORT"
  else
    status_line postgres down "" "$PG_PORT"
  fi
}
