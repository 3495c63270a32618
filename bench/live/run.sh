#!/usr/bin/env bash
# Live room benchmark: CLIENTS Server-Sent Events streams (default 5,000) on one node, RATE questions and votes per
# second (default 20) for DURATION seconds (default 60), load generator on the same machine (bench/live/LiveBench.java).
#   bench/live/run.sh                    # one node, embedded H2 file database, in-memory bus
#   NODES=2 bench/live/run.sh            # two nodes behind no proxy (clients split), PostgreSQL + Redis bus
#   CLIENTS=10000 bench/live/run.sh      # the stretch goal
#   JFR=1 bench/live/run.sh              # also a Java Flight Recording of each node (target/bench-live/node*.jfr)
#   HISTO=1 bench/live/run.sh            # also a heap histogram of each node once every stream is connected, before
#                                        # the posts start (a full GC: the load waits 20 s for it), and heap per stream
# Only loopback addresses are used; the servers are stopped at the end. Rate limits are switched off on the
# server (the generator posts 20/s through a handful of guests), the heap is capped at BENCH_XMX (512m).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
CLIENTS="${CLIENTS:-5000}"
RATE="${RATE:-20}"
DURATION="${DURATION:-60}"
NODES="${NODES:-1}"
XMX="${BENCH_XMX:-512m}"
JAR="${JAR:-target/parcours.jar}"
WORK=target/bench-live
rm -rf "$WORK" && mkdir -p "$WORK"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "== building (skip tests)"
  ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

COMMON=(--server.address=127.0.0.1 --parcours.demo.enabled=true --parcours.rate-limit.enabled=false
  --parcours.live.opens-before=30d --parcours.live.guests-allowed=true --server.servlet.session.cookie.secure=false
  --logging.level.root=warn)
if [ "$NODES" = 1 ]; then
  DB=(--spring.datasource.url="jdbc:h2:file:$PWD/$WORK/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
  BUS=()
else
  PGDB=parcours_live_bench
  psql -q -h 127.0.0.1 -U "${PGUSER:-postgres}" -c "drop database if exists $PGDB" -c "create database $PGDB" postgres
  DB=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$PGDB" --spring.datasource.username="${PGUSER:-postgres}")
  BUS=(--parcours.live.bus=redis --parcours.live.redis-url=redis://127.0.0.1:6379
    --parcours.live.redis-channel="parcours-bench-$$:live")
fi

PIDS=()
SAMPLERS=()
BASES=()
cleanup() {
  for p in "${SAMPLERS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  # graceful shutdown first; a node that does not stop within 30 s is killed
  for _ in $(seq 1 30); do
    alive=0; for p in "${PIDS[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && return
    sleep 1
  done
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
for n in $(seq 1 "$NODES"); do
  PORT=$(free_port)
  JFR_OPTS=()
  [ "${JFR:-}" = 1 ] && JFR_OPTS=(-XX:StartFlightRecording:filename="$WORK/node$n.jfr",settings=profile,dumponexit=true)
  # every node keeps its own files (search index, media) under the bench's folder, never the checkout's ./data
  FILES=(--parcours.search.directory="$WORK/node$n/search" --parcours.media.directory="$WORK/node$n/files")
  "$JAVA" -Xmx"$XMX" -Xlog:gc:file="$WORK/gc-node$n.log" "${JFR_OPTS[@]}" -jar "$JAR" --server.port="$PORT" "${COMMON[@]}" "${DB[@]}" "${BUS[@]}" \
    "${FILES[@]}" > "$WORK/node$n.log" 2>&1 &
  PIDS+=($!)
  BASES+=("http://127.0.0.1:$PORT")
  # a busy machine may take a minute to start a node
  up=0
  for _ in $(seq 1 900); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null 2>&1 && { up=1; break; }
    sleep 0.2
  done
  [ "$up" = 1 ] || { echo "node $n did not start in 180 s, see $WORK/node$n.log"; exit 1; }
  echo "== node $n: pid ${PIDS[-1]} on port $PORT"
done
BASE_LIST=$(IFS=,; echo "${BASES[*]}")

# the demo's second edition: its first session is the coming one
CYCLE=/cycles/cooperation-nouvelle-edition
SESSION=$(curl -fs "${BASES[0]}$CYCLE" | grep -o "href=\"$CYCLE/sessions/[^\"]*\"" | head -1 | sed 's/href="//;s/"$//')
LIVE="$SESSION/live"
echo "== live room: $LIVE"

ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
HZ=$(getconf CLK_TCK)
for p in "${PIDS[@]}"; do
  (while kill -0 "$p" 2>/dev/null; do
     echo "$(date +%s) $(awk '/VmRSS/{print $2}' "/proc/$p/status")"; sleep 1; done) > "$WORK/rss-$p.txt" 2>/dev/null &
  SAMPLERS+=($!)
  "$JAVA_HOME/bin/jstat" -gc "$p" 1000 > "$WORK/jstat-$p.txt" 2>/dev/null &
  SAMPLERS+=($!)
done
declare -A START_TICKS
for p in "${PIDS[@]}"; do START_TICKS[$p]=$(ticks "$p"); done
START=$(date +%s.%N)

echo "== $CLIENTS streams, $RATE posts/s for $DURATION s"
if [ "${HISTO:-}" = 1 ]; then
  export BENCH_PAUSE=20
  declare -A BASE_HEAP
  for p in "${PIDS[@]}"; do
    "$JAVA_HOME/bin/jcmd" "$p" GC.class_histogram > "$WORK/histo-idle-$p.txt" 2>&1
    BASE_HEAP[$p]=$(awk '/^Total/ {print $3}' "$WORK/histo-idle-$p.txt")
  done
  (for _ in $(seq 1 600); do grep -q "streams connected" "$WORK/bench.txt" 2>/dev/null && break; sleep 0.5; done
   sleep 3
   for p in "${PIDS[@]}"; do
     "$JAVA_HOME/bin/jcmd" "$p" GC.class_histogram > "$WORK/histo-$p.txt" 2>&1
     total=$(awk '/^Total/ {print $3}' "$WORK/histo-$p.txt")
     echo "HEAP pid $p after a full GC: $((${BASE_HEAP[$p]} / 1024 / 1024)) MB live before the streams," \
       "$((total / 1024 / 1024)) MB with every stream connected: $(((total - ${BASE_HEAP[$p]}) / (CLIENTS / NODES)))" \
       "bytes per stream ($WORK/histo-$p.txt)"
   done) &
  SAMPLERS+=($!)
fi
set +e
"$JAVA" -Xmx1g -Xss256k bench/live/LiveBench.java "$BASE_LIST" "$LIVE" "$CLIENTS" "$RATE" "$DURATION" | tee "$WORK/bench.txt"
STATUS=${PIPESTATUS[0]}
set -e
END=$(date +%s.%N)

echo "== servers"
for p in "${PIDS[@]}"; do
  T=$(( $(ticks "$p") - ${START_TICKS[$p]} ))
  CPU=$(python3 -c "print(f'{$T/$HZ:.1f} CPU-s, {100*$T/$HZ/($END-$START):.0f}% of one core on average')")
  RSS=$(sort -k2 -n "$WORK/rss-$p.txt" | tail -1 | awk '{printf "%.0f MB", $2/1024}')
  HEAP=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {u=$3+$4+$6+$8; if (u>m) m=u} END {printf "%.0f MB", m/1024}' "$WORK/jstat-$p.txt")
  echo "SERVER pid $p: $CPU; peak RSS $RSS; peak heap used $HEAP (max $XMX)"
  DELIVERED=$(awk '/RESULT events delivered=/ {split($3, a, "="); print a[2]}' "$WORK/bench.txt")
  [ -n "$DELIVERED" ] && [ "$DELIVERED" -gt 0 ] && python3 -c "print(f'SERVER pid $p: {1e6*$T/$HZ/$DELIVERED:.1f} CPU-µs per delivered event (whole run: connections, posts and deliveries, over all nodes $NODES)')"
done
for n in $(seq 1 "$NODES"); do
  # pauses during the run (the log also has start-up), from lines such as "Pause Young (Normal) ... 12.345ms"
  awk -v n="$n" '/Pause/ && /ms$/ {c++; t+=$NF+0; if ($NF+0 > m) m=$NF+0} END {printf "GC node %d: %d pauses, %.0f ms in total, longest %.0f ms\n", n, c, t, m}' "$WORK/gc-node$n.log"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$STATUS"
