# Kafka 4.3.1 (KRaft, single node) from Maven Central jars: broker 127.0.0.1:9092, controller 127.0.0.1:9093.

KAFKA_CACHE="$EDU_CACHE/kafka"
KAFKA_CP_FILE="$KAFKA_CACHE/cp.txt"
KAFKA_DIR="$EDU_DIR/kafka"
KAFKA_DATA="$KAFKA_DIR/data"
KAFKA_PROPS="$KAFKA_DIR/server.properties"
KAFKA_PORT=9092
# G1 with 4 MiB regions: with 1 MiB ones, every produce request over 512 KiB (a relay batch of signed documents) was a
# humongous allocation that started a concurrent marking cycle, and Kafka spent most of its CPU marking its heap.
# C1 only (TieredStopAtLevel=1): a whole-machine profile put the C2 compiler at 5.5 % of all CPU in the documents
# benchmark, more than the broker's own request handling (3.1 %); with C1 alone Kafka's CPU per record fell from
# 1.9-2.0 ms to 1.09-1.25 ms (two runs) and stayed at 0.9-1.1 ms in the runs after.
KAFKA_JVM_FLAGS="-Xms512m -Xmx512m -XX:+UseG1GC -XX:G1HeapRegionSize=4m -XX:TieredStopAtLevel=1"

# kafka_classpath: resolve the jars once with Maven (cached pom + cp.txt; re-resolved when the pom changes)
kafka_classpath() {
  command -v java >/dev/null || die kafka "java not found (Java 17+ required)"
  mkdir -p "$KAFKA_CACHE"
  local stale=0
  cmp -s "$EDU_LOCAL/kafka/pom.xml" "$KAFKA_CACHE/pom.xml" || stale=1
  if (( ! stale )) && [[ -s $KAFKA_CP_FILE ]]; then
    local jar
    while IFS= read -r -d : jar; do [[ -f $jar ]] || { stale=1; break; }; done < <(tr -d '\n' <"$KAFKA_CP_FILE"; printf ':')
  else
    stale=1
  fi
  if (( stale )); then
    command -v mvn >/dev/null || die kafka "mvn not found (needed once to resolve the Kafka jars)"
    say kafka "resolving jars with Maven (once)"
    cp "$EDU_LOCAL/kafka/pom.xml" "$KAFKA_CACHE/pom.xml.new"
    mvn -q -B -Dstyle.color=never -f "$KAFKA_CACHE/pom.xml.new" dependency:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile="$KAFKA_CP_FILE.new" >"$KAFKA_CACHE/mvn.log" 2>&1 \
      || { tail -n 30 "$KAFKA_CACHE/mvn.log" >&2; die kafka "mvn dependency:build-classpath failed (see $KAFKA_CACHE/mvn.log)"; }
    mv "$KAFKA_CP_FILE.new" "$KAFKA_CP_FILE"
    mv "$KAFKA_CACHE/pom.xml.new" "$KAFKA_CACHE/pom.xml"
  fi
  KAFKA_CP=$(<"$KAFKA_CP_FILE")
}

kafka_format() {
  mkdir -p "$KAFKA_DATA"
  sed "s|@KAFKA_DATA@|$KAFKA_DATA|" "$EDU_LOCAL/kafka/server.properties" >"$KAFKA_PROPS"
  [[ -f $KAFKA_DATA/meta.properties ]] && return 0
  say kafka "formatting storage $KAFKA_DATA"
  local tool=(java -Dlog4j2.configurationFile="$EDU_LOCAL/kafka/log4j2-tools.xml" -cp "$KAFKA_CP" kafka.tools.StorageTool)
  local uuid
  uuid=$("${tool[@]}" random-uuid) || die kafka "StorageTool random-uuid failed"
  "${tool[@]}" format -t "$uuid" -c "$KAFKA_PROPS" >>"$LOG_DIR/kafka.log" 2>&1 \
    || { tail_log kafka; die kafka "StorageTool format failed"; }
}

kafka_ready() { node --disable-warning=TimeoutNegativeWarning "$EDU_LOCAL/kafka-ready.mjs"; }

kafka_up() {
  if pid_alive kafka; then
    if kafka_ready >/dev/null 2>&1; then
      say kafka "already running (pid $(read_pid kafka), port $KAFKA_PORT)"
      return 0
    fi
    say kafka "process $(read_pid kafka) alive but not answering yet, waiting"
  else
    port_free "$KAFKA_PORT" 5 || die kafka "port $KAFKA_PORT is taken by another process"
    port_free 9093 5 || die kafka "port 9093 is taken by another process"
    kafka_classpath
    kafka_format
    say kafka "starting on 127.0.0.1:$KAFKA_PORT"
    CLASSPATH="$KAFKA_CP" start_daemon kafka java ${EDU_KAFKA_JVM_FLAGS:-$KAFKA_JVM_FLAGS} \
      -Dlog4j2.configurationFile="$EDU_LOCAL/kafka/log4j2.xml" kafka.Kafka "$KAFKA_PROPS"
  fi
  wait_until kafka 90 "$(read_pid kafka)" kafka_ready
  say kafka "ready"
}

kafka_down() { stop_pid kafka 30; }

kafka_status() {
  if pid_alive kafka; then
    if kafka_ready >/dev/null 2>&1; then status_line kafka up "$(read_pid kafka)" "$KAFKA_PORT"
    else status_line kafka unhealthy "$(read_pid kafka)" "$KAFKA_PORT"; fi
  else
    status_line kafka down "" "$KAFKA_PORT"
  fi
}
