# The four NestJS services: built output in apps/<svc>/dist, started detached, health-checked on /health.

SERVICES=(identity interchange signing archiving)
declare -A SERVICE_PORT=([identity]=8081 [interchange]=8080 [signing]=8082 [archiving]=8083)
SERVICE_DEADLINE=${SERVICE_DEADLINE:-60}
# A small young generation and a capped old space keep a service near its 256 MB RSS budget. With a 192 MB cap V8 marks
# the whole old generation again once it has grown ~30 % past what survived the last major GC; signing and archiving,
# which keep each batch's signatures and containers alive across scavenges, then spent 10-20 % of the machine marking.
# Letting them grow 60 % first halves their major GCs (docs/benchmarks.md); interchange keeps the default, as its
# 48 requests in flight would take it past 256 MB.
HEAP_DEFAULT="--max-semi-space-size=8 --max-old-space-size=192"
HEAP_BATCHING="--max-semi-space-size=8 --max-old-space-size=256 --heap-growing-percent=60"
# Signing's Buffers (signatures, events, rows read) keep their memory outside V8 until a scavenge collects their
# handles: with a 1 MB young generation that comes about eight times sooner. Its peak RSS went from 382-392 to
# 338-347 MiB and its CPU did not rise (4.8-5.2 ms a record). The others spent more CPU that way (interchange 3.2 ms
# against 2.8).
HEAP_SIGNING="--max-semi-space-size=1 --max-old-space-size=256 --heap-growing-percent=60"
declare -A SERVICE_HEAP=([identity]=$HEAP_DEFAULT [interchange]=$HEAP_DEFAULT [signing]=$HEAP_SIGNING [archiving]=$HEAP_BATCHING)

is_service() { [[ -n ${SERVICE_PORT[$1]:-} ]]; }
svc_health() { http_ok "http://127.0.0.1:${SERVICE_PORT[$1]}/health"; }

# svc_spawn <svc>: start one service in the background (does not wait)
svc_spawn() {
  local svc=$1 port=${SERVICE_PORT[$1]}
  local main="$EDU_ROOT/apps/$svc/dist/main.js"
  [[ -f $main ]] || die "$svc" "$main not found (did the build succeed?)"
  port_free "$port" 5 || die "$svc" "port $port is taken by another process (not ours: no live PID file)"
  local args=(${EDU_NODE_MEMORY_FLAGS:-${SERVICE_HEAP[$svc]}})
  [[ -f $EDU_ROOT/libs/telemetry/dist/register.js ]] && args+=(--import ./libs/telemetry/dist/register.js)
  say "$svc" "starting on 127.0.0.1:$port"
  # glibc gives each thread that allocates its own arena; Node's crypto thread pool (key generation, argon2's 19 MiB
  # per PIN check) then keeps freed memory in four of them. Two arenas keep that memory reused, and a fixed mmap
  # threshold returns large buffers (Kafka batches, query results) to the system when freed instead of leaving holes.
  (cd "$EDU_ROOT" && PORT=$port OTEL_SERVICE_NAME=$svc MALLOC_ARENA_MAX=${EDU_MALLOC_ARENA_MAX:-2} MALLOC_MMAP_THRESHOLD_=${EDU_MALLOC_MMAP_THRESHOLD:-131072} start_daemon "$svc" node "${args[@]}" "apps/$svc/dist/main.js")
}

# svc_wait <svc>: wait for /health; on failure stop the half-started process so the next run starts clean
svc_wait() {
  if ! (wait_until "$1" "$SERVICE_DEADLINE" "$(read_pid "$1")" svc_health "$1"); then
    EDU_QUIET=1 stop_pid "$1" 5
    die "$1" "did not become healthy (stopped it; log: $LOG_DIR/$1.log)"
  fi
  say "$1" "healthy (http://127.0.0.1:${SERVICE_PORT[$1]}/health)"
}

# svc_ensure_spawned <svc>: prints nothing and returns 1 if already up and healthy
svc_needs_start() {
  local svc=$1
  if pid_alive "$svc" && [[ -n $(find "$EDU_ROOT/apps/$svc/dist" "$EDU_ROOT"/libs/*/dist -name '*.js' -newer "$(pid_file "$svc")" -print -quit 2>/dev/null) ]]; then
    say "$svc" "built code is newer than the running process, restarting"
    EDU_QUIET=1 stop_pid "$svc" 10
  fi
  if pid_alive "$svc"; then
    if svc_health "$svc"; then
      say "$svc" "already running (pid $(read_pid "$svc"), port ${SERVICE_PORT[$svc]})"
      return 1
    fi
    # Alive but not healthy: maybe still starting; give it the usual deadline.
    say "$svc" "process $(read_pid "$svc") alive but not healthy yet, waiting"
    svc_wait "$svc"
    return 1
  fi
  [[ -f $(pid_file "$svc") ]] && say "$svc" "stale PID file (pid $(read_pid "$svc") is gone), restarting"
  rm -f "$(pid_file "$svc")"
  return 0
}

# services_up: identity first (the others call it), then the other three in parallel
services_up() {
  if svc_needs_start identity; then svc_spawn identity; svc_wait identity; fi
  local svc started=()
  for svc in interchange signing archiving; do
    if svc_needs_start "$svc"; then svc_spawn "$svc"; started+=("$svc"); fi
  done
  for svc in "${started[@]}"; do svc_wait "$svc"; done
}

services_down() {
  local svc
  for svc in archiving signing interchange identity; do stop_pid "$svc" 20; done
}

svc_restart() {
  local svc=$1
  stop_pid "$svc" 20
  svc_spawn "$svc"
  svc_wait "$svc"
}

services_status() {
  local svc port
  for svc in "${SERVICES[@]}"; do
    port=${SERVICE_PORT[$svc]}
    if pid_alive "$svc"; then
      if svc_health "$svc"; then status_line "$svc" up "$(read_pid "$svc")" "$port"
      else status_line "$svc" unhealthy "$(read_pid "$svc")" "$port"; fi
    else
      status_line "$svc" down "" "$port"
    fi
  done
}

seed() {
  local cli="$EDU_ROOT/apps/identity/dist/cli.js"
  [[ -f $cli ]] || die seed "$cli not found"
  say seed "seeding demo data (only when the database is empty)"
  (cd "$EDU_ROOT" && node --disable-warning=TimeoutNegativeWarning --enable-source-maps "$cli" seed --out .edu/demo-clients.json) \
    || die seed "identity cli seed failed"
}

print_summary() {
  cat <<EOT

Local stack is up:
  interchange  http://127.0.0.1:8080/docs
  identity     http://127.0.0.1:8081/docs
  signing      http://127.0.0.1:8082/docs
  archiving    http://127.0.0.1:8083/docs
  minio        http://127.0.0.1:9001 (console; user/password: MINIO_ACCESS_KEY/MINIO_SECRET_KEY in .edu/env)
  postgres     postgres://edu:***@127.0.0.1:55432/edu (DATABASE_URL in .edu/env)
  kafka        127.0.0.1:9092
EOT
  local f="$EDU_DIR/demo-clients.json"
  if [[ -s $f ]]; then
    echo
    echo "Demo clients ($f):"
    node -e '
      const rows = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const cols = ["role", "org", "client_id", "client_secret"];
      const w = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? "").length)));
      const line = (vals) => "  " + vals.map((v, i) => String(v ?? "").padEnd(w[i])).join("  ").trimEnd();
      console.log(line(cols));
      console.log(line(w.map((n) => "-".repeat(n))));
      for (const r of rows) console.log(line(cols.map((c) => r[c])));
    ' "$f" || warn seed "could not read $f"
  fi
}
