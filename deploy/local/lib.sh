# Common helpers for deploy/local/*.sh. Sourced by ./edu; not executable on its own.
# Paths: caches under ~/.cache/edu, runtime state (data, logs, PIDs, env) under <repo>/.edu.

EDU_ROOT=${EDU_ROOT:?EDU_ROOT must be set by ./edu}
EDU_LOCAL="$EDU_ROOT/deploy/local"
EDU_DIR="$EDU_ROOT/.edu"
EDU_CACHE=${EDU_CACHE:-$HOME/.cache/edu}
LOG_DIR="$EDU_DIR/logs"
PID_DIR="$EDU_DIR/pids"
EDU_QUIET=${EDU_QUIET:-0}

mkdir -p "$LOG_DIR" "$PID_DIR" "$EDU_CACHE"

# say <component> <message>: progress line, e.g. "==> kafka: starting"
say() { [[ $EDU_QUIET == 1 ]] || printf '==> %s: %s\n' "$1" "$2"; }
# warn/die always print, to stderr
warn() { printf '==> %s: WARNING: %s\n' "$1" "$2" >&2; }
die() { printf '==> %s: FAILED: %s\n' "$1" "$2" >&2; exit 1; }

# now_ms: monotonic-enough wall clock in milliseconds
now_ms() { date +%s%3N; }

pid_file() { echo "$PID_DIR/$1.pid"; }

# read_pid <name>: prints the PID from the PID file (empty if none)
read_pid() { local f; f=$(pid_file "$1"); [[ -s $f ]] && cat "$f" || true; }

# proc_running <pid> [pattern]: the process exists, is not a zombie (a killed daemon stays a zombie
# until its reaper collects it) and, when given, its command line contains <pattern> (guards PID reuse)
proc_running() {
  local pid=$1 pattern=${2:-} stat
  stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]] || return 1
  [[ -z $pattern ]] || tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$pattern"
}

# pid_alive <name>: true when the PID file names a live process whose command line mentions <name>
pid_alive() {
  local pid; pid=$(read_pid "$1")
  [[ -n $pid ]] && proc_running "$pid" "$1"
}

# port_open <port>: true when something accepts TCP connections on 127.0.0.1:<port>
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# port_free <port> [wait_s]: true when nothing listens on <port>, waiting up to wait_s for it to free
port_free() {
  local end=$(( $(now_ms) + ${2:-0} * 1000 ))
  while port_open "$1"; do
    (( $(now_ms) > end )) && return 1
    sleep 0.2
  done
}

# start_daemon <name> <cmd...>: start detached (own session, survives the shell), log to
# .edu/logs/<name>.log (appended), PID to .edu/pids/<name>.pid. Env is inherited.
start_daemon() {
  local name=$1; shift
  local log="$LOG_DIR/$name.log"
  printf '\n----- %s starting %s -----\n' "$(date -Is)" "$name" >>"$log"
  setsid nohup "$@" >>"$log" 2>&1 </dev/null &
  echo $! >"$(pid_file "$name")"
}

# stop_pid <name> [deadline_s]: SIGTERM, wait up to deadline, then SIGKILL; removes PID file
stop_pid() {
  local name=$1 deadline=${2:-20} pid
  pid=$(read_pid "$name")
  if [[ -z $pid ]] || ! proc_running "$pid" "$name"; then
    rm -f "$(pid_file "$name")"
    say "$name" "not running"
    return 0
  fi
  say "$name" "stopping (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  local end=$(( $(now_ms) + deadline * 1000 ))
  while proc_running "$pid"; do
    if (( $(now_ms) > end )); then
      warn "$name" "still alive after ${deadline}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.2
      break
    fi
    sleep 0.1
  done
  rm -f "$(pid_file "$name")"
  say "$name" "stopped"
}

# wait_until <name> <deadline_s> <pid-or-empty> <cmd...>: poll cmd every 0.2 s until it succeeds.
# Fails early if the given PID dies, fails on deadline. Prints the last log lines on failure.
wait_until() {
  local name=$1 deadline=$2 pid=$3; shift 3
  local end=$(( $(now_ms) + deadline * 1000 ))
  until "$@" >/dev/null 2>&1; do
    if [[ -n $pid ]] && ! proc_running "$pid"; then
      tail_log "$name"
      die "$name" "process $pid exited before it became ready (log: $LOG_DIR/$name.log)"
    fi
    if (( $(now_ms) > end )); then
      tail_log "$name"
      die "$name" "not ready after ${deadline}s (log: $LOG_DIR/$name.log)"
    fi
    sleep 0.2
  done
}

tail_log() {
  local log="$LOG_DIR/$1.log"
  [[ -f $log ]] || return 0
  printf -- '----- last 30 lines of %s -----\n' "$log" >&2
  tail -n 30 "$log" >&2
  printf -- '-----\n' >&2
}

# http_ok <url>: true on a 2xx answer
http_ok() { curl -fs -o /dev/null -m 2 "$1"; }

# status_line <name> <up|down|...> <pid> <port>
status_line() { printf '%-12s %-10s pid=%-8s port=%s\n' "$1" "$2" "${3:--}" "$4"; }
