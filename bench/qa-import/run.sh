#!/usr/bin/env bash
# Chat-import benchmark (library.qa): a generated Zoom "save chat" log of 20,000 messages is uploaded to a session
# of the packaged Parcours running with a 256 MB heap, and the time from the start of the upload to the review page
# (file read, question heuristic, 20,000 rows staged, first page rendered) is measured, plus the heap the JVM used.
# Targets (issue 6): under 10 s to the review step, heap under 256 MB. See docs/library-qa.md.
#
#   bench/qa-import/run.sh          # builds target/parcours.jar if missing, ~1 minute, prints markdown
#
# Environment (all optional):
#   BENCH_APP_PORT=8086      port on 127.0.0.1
#   BENCH_HEAP=-Xmx256m      JVM heap setting of the application
#   BENCH_MESSAGES=20000     messages in the generated log
#   BENCH_RUNS=4             uploads measured (each a new import of the same file; the first on a cold JVM)
#   BENCH_SKIP_BUILD=1       use the existing target/parcours.jar
#   BENCH_KEEP=1             keep the temporary directory (logs, GC log, the generated chat)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
APP_PORT=${BENCH_APP_PORT:-8086}
HEAP=${BENCH_HEAP:--Xmx256m}
MESSAGES=${BENCH_MESSAGES:-20000}
RUNS=${BENCH_RUNS:-4}
JAR="$ROOT/target/parcours.jar"
BASE="http://127.0.0.1:$APP_PORT"

say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" ]]; then
    [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]] || die "set JAVA_HOME to a JDK 21 or newer"
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="$JAVA_HOME/bin/java"
command -v curl >/dev/null || die "needs curl"

if [[ -z "${BENCH_SKIP_BUILD:-}" || ! -f "$JAR" ]]; then
    say "building $JAR"
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests) >&2
fi

WORK=$(mktemp -d /tmp/parcours-qa-bench.XXXXXX)
mkdir -p "$WORK/run"
APP_PID=""
cleanup() {
    if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
    if [[ -n "${BENCH_KEEP:-}" ]]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

if curl -s --max-time 5 -o /dev/null "$BASE/" || (( $? == 28 )); then die "port $APP_PORT is already in use"; fi

say "generating a chat log of $MESSAGES messages"
"$JAVA" "$ROOT/bench/qa-import/ChatLogGen.java" "$MESSAGES" > "$WORK/chat.txt"
CHAT_BYTES=$(stat -c %s "$WORK/chat.txt")

say "starting Parcours ($HEAP, empty H2 database, no demo)"
(cd "$WORK/run" && PARCOURS_PORT=$APP_PORT PARCOURS_DEMO=false PARCOURS_COOKIE_SECURE=false PARCOURS_BASE_URL=$BASE \
    exec "$JAVA" "$HEAP" "-Xlog:gc:file=$WORK/gc.log" -jar "$JAR") > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 1800); do
    curl -fs "$BASE/actuator/health/readiness" 2>/dev/null | grep -q '"UP"' && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/app.log" >&2; die "the application exited"; }
    sleep 0.1
done

JAR_COOKIES="$WORK/cookies.txt"
csrf() { # the CSRF token of a page (hidden input _csrf)
    curl -fs -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$BASE$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'
}

say "creating the first organiser through the setup link"
SETUP=$(grep -o '/setup/[A-Za-z0-9_-]*' "$WORK/app.log" | head -1)
[[ -n "$SETUP" ]] || die "no setup link in the log"
TOKEN=$(csrf "$SETUP")
curl -fs -o /dev/null -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$BASE$SETUP" \
    --data-urlencode "_csrf=$TOKEN" --data-urlencode "displayName=Bench" --data-urlencode "email=bench@example.org" \
    --data-urlencode "password=a long enough password" --data-urlencode "passwordConfirmation=a long enough password"

say "importing a cycle with one session at 10:00 (Paris)"
TOKEN=$(csrf /admin/cycles/import)
curl -fs -o /dev/null -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$BASE/admin/cycles/import" --data-urlencode "_csrf=$TOKEN" \
    --data-urlencode "text@-" <<'YAML'
format: parcours-cycle/1
slug: bench-qa
title: Bench Q&A
summary: A cycle for the chat-import benchmark.
description: One session.
language: fr
status: published
timeZone: Europe/Paris
sessions:
  - slug: seance
    title: La séance
    start: 2020-04-02T10:00
    durationMinutes: 120
YAML
CYCLE=$(curl -fs -b "$JAR_COOKIES" "$BASE/admin" | grep -o '/admin/cycles/[0-9][0-9]*' | head -1)
SESSION=$(curl -fs -b "$JAR_COOKIES" "$BASE$CYCLE" | grep -o '/admin/sessions/[0-9][0-9]*' | head -1)
[[ -n "$SESSION" ]] || die "no session found"

heap_mb() { # used heap now, after a full GC (MB)
    "$JAVA_HOME/bin/jcmd" "$APP_PID" GC.run >/dev/null 2>&1 || true
    "$JAVA_HOME/bin/jcmd" "$APP_PID" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | awk '{print int($2/1024)}'
}
gc_lines() { wc -l < "$WORK/gc.log"; }
peak_since() { # the largest heap before a collection, in GC log lines after line $1 (MB)
    tail -n +"$(( $1 + 1 ))" "$WORK/gc.log" | grep -o '[0-9]*M->[0-9]*M' | sed 's/M->.*//' | sort -n | tail -1
}

BASELINE=$(heap_mb)
ROWS=()
TIMES=()
# run 1 is the first import after start-up (cold JIT); the median is over all runs
for run in $(seq 1 "$RUNS"); do
    TOKEN=$(csrf "$SESSION/questions")
    before=$(gc_lines)
    result=$(curl -fs -o "$WORK/review-$run.html" -L -b "$JAR_COOKIES" -c "$JAR_COOKIES" -H "X-CSRF-TOKEN: $TOKEN" \
        -w '%{time_total} %{url_effective}' -F "file=@$WORK/chat.txt;type=text/plain" "$BASE$SESSION/questions/import")
    seconds=${result%% *}
    review=${result#* }
    [[ "$review" == *"/admin/chat-imports/"* ]] || die "upload did not reach the review: $review"
    grep -q 'qa-review-table' "$WORK/review-$run.html" || die "no review table"
    peak=$(peak_since "$before")
    last=$(curl -fs -o /dev/null -b "$JAR_COOKIES" -w '%{time_total}' "$review?show=all&page=$(( (MESSAGES + 99) / 100 ))")
    TIMES+=("$seconds")
    ROWS+=("| $run | $(printf '%.2f' "$seconds") s | $(printf '%.3f' "$last") s | ${peak:-no GC} MB |")
    say "run $run: $seconds s to the review page"
done
AFTER=$(heap_mb)
RSS=$(awk '/^VmHWM:/ {print int($2/1024)}' "/proc/$APP_PID/status")
MEDIAN=$(printf '%s\n' "${TIMES[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]}')
COUNTS=$(grep -o '<dd>[0-9]*</dd>' "$WORK/review-1.html" | head -2 | sed 's/<[^>]*>//g' | paste -sd/ -)

cat <<EOF2

### Chat import: $MESSAGES-message Zoom log to the review step ($(nproc) cores, $HEAP, H2, load $(cut -d' ' -f1-3 /proc/loadavg))

File: $(( CHAT_BYTES / 1024 )) KB; messages/questions pre-selected: $COUNTS.

| run (1 = first after start) | upload → review page | last page of "all messages" | largest heap before a GC during the upload |
|---|---|---|---|
$(printf '%s\n' "${ROWS[@]}")

Median upload → review page: **$MEDIAN s** (target < 10 s). Heap limit $HEAP (no OutOfMemoryError); used heap after
a full GC: $BASELINE MB before the uploads, $AFTER MB after (with $RUNS imports staged); peak RSS $RSS MB.
EOF2
