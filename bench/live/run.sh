#!/usr/bin/env bash
# Live room benchmark: CLIENTS Server-Sent Events streams (default 5,000) on one node, RATE questions and votes per
# second (default 20) for DURATION seconds (default 60), load generator on the same machine (bench/live/LiveBench.java).
#   bench/live/run.sh                    # one node, embedded H2 file database, in-memory bus
#   NODES=2 bench/live/run.sh            # two nodes behind no proxy (clients split), PostgreSQL + Redis bus
#   CLIENTS=10000 bench/live/run.sh      # the stretch goal
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
  "$JAVA" -Xmx"$XMX" -jar target/parcours.jar --server.port="$PORT" "${COMMON[@]}" "${DB[@]}" "${BUS[@]}" \
    > "$WORK/node$n.log" 2>&1 &
  PIDS+=($!)
  BASES+=("http://127.0.0.1:$PORT")
  for _ in $(seq 1 150); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null 2>&1 && break
    sleep 0.2
  done
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
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$STATUS"
