# MinIO (built from source with `go install`, cached in ~/.cache/edu/bin): S3 on 127.0.0.1:9000, console :9001.

MINIO_VERSION=v0.0.0-20260212201848-7aac2a2c5b7c
MINIO_BIN="$EDU_CACHE/bin/minio"
MINIO_DATA="$EDU_DIR/minio"
MINIO_S3_PORT=9000
MINIO_CONSOLE_PORT=9001

minio_install() {
  if pgrep -f "go install github.com/minio/minio" >/dev/null; then
    # Never start a second concurrent build: wait for the running one to finish.
    say minio "a 'go install' of MinIO is already running; waiting for it (up to 15 min)"
    local end=$(( $(now_ms) + 900000 ))
    while pgrep -f "go install github.com/minio/minio" >/dev/null; do
      (( $(now_ms) > end )) && die minio "timed out waiting for the running MinIO build"
      sleep 2
    done
    [[ -x $MINIO_BIN ]] && return 0
    die minio "the running build ended without producing $MINIO_BIN"
  fi
  [[ -x $MINIO_BIN ]] && return 0
  command -v go >/dev/null || die minio "go not found (needed once to build MinIO)"
  say minio "building github.com/minio/minio@$MINIO_VERSION with go install (once, ~3 min)"
  mkdir -p "$EDU_CACHE/bin"
  GOBIN="$EDU_CACHE/bin" go install "github.com/minio/minio@$MINIO_VERSION" >"$EDU_CACHE/minio-build.log" 2>&1 \
    || { tail -n 30 "$EDU_CACHE/minio-build.log" >&2; die minio "go install failed (see $EDU_CACHE/minio-build.log)"; }
  [[ -x $MINIO_BIN ]] || die minio "$MINIO_BIN missing after go install"
}

minio_ready() { http_ok "http://127.0.0.1:$MINIO_S3_PORT/minio/health/ready"; }

minio_up() {
  if pid_alive minio; then
    if minio_ready; then
      say minio "already running (pid $(read_pid minio), port $MINIO_S3_PORT)"
      return 0
    fi
    say minio "process $(read_pid minio) alive but not ready yet, waiting"
  else
    minio_install
    port_free "$MINIO_S3_PORT" 5 || die minio "port $MINIO_S3_PORT is taken by another process"
    port_free "$MINIO_CONSOLE_PORT" 5 || die minio "port $MINIO_CONSOLE_PORT is taken by another process"
    mkdir -p "$MINIO_DATA"
    say minio "starting on 127.0.0.1:$MINIO_S3_PORT (console 127.0.0.1:$MINIO_CONSOLE_PORT)"
    MINIO_ROOT_USER="$MINIO_ACCESS_KEY" MINIO_ROOT_PASSWORD="$MINIO_SECRET_KEY" MINIO_UPDATE=off \
      start_daemon minio "$MINIO_BIN" server "$MINIO_DATA" \
      --address "127.0.0.1:$MINIO_S3_PORT" --console-address "127.0.0.1:$MINIO_CONSOLE_PORT"
  fi
  wait_until minio 60 "$(read_pid minio)" minio_ready
  say minio "ready"
}

minio_down() { stop_pid minio 30; }

minio_status() {
  if pid_alive minio; then
    if minio_ready; then status_line minio up "$(read_pid minio)" "$MINIO_S3_PORT"
    else status_line minio unhealthy "$(read_pid minio)" "$MINIO_S3_PORT"; fi
  else
    status_line minio down "" "$MINIO_S3_PORT"
  fi
}
