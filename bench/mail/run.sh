#!/usr/bin/env bash
# Mail queue benchmark: COUNT messages (default 10,000) queued in one transaction, then delivered by the
# background worker to a local SMTP sink (GreenMail standalone, from Maven Central); prints messages/s and heap.
#   bench/mail/run.sh                      # embedded H2 file database (the default setup)
#   BENCH_DB_URL=jdbc:postgresql://127.0.0.1:5432/parcours_bench PARCOURS_DB_USER=... bench/mail/run.sh
# Only loopback addresses are used; GreenMail is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
COUNT="${COUNT:-10000}"
GREENMAIL_VERSION=2.1.13
WORK=target/bench-mail
mkdir -p "$WORK"

echo "== building (skip tests)"
./mvnw -B -q -DskipTests -Dspotless.check.skip=true compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/classpath.txt"
./mvnw -B -q dependency:copy -Dartifact=com.icegreen:greenmail-standalone:$GREENMAIL_VERSION -DoutputDirectory="$WORK"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
SMTP_PORT=$(free_port); IMAP_PORT=$(free_port); API_PORT=$(free_port)

SINK_KIND="${SINK:-tiny}"
if [ "$SINK_KIND" = greenmail ]; then
  echo "== SMTP sink: GreenMail $GREENMAIL_VERSION on 127.0.0.1:$SMTP_PORT (IMAP $IMAP_PORT, to count what arrived)"
  "$JAVA" -Xmx1g -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$IMAP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$API_PORT" -Dgreenmail.auth.disabled \
    -jar "$WORK/greenmail-standalone-$GREENMAIL_VERSION.jar" > "$WORK/sink.log" 2>&1 &
else
  echo "== SMTP sink: bench/mail/SmtpSink.java on 127.0.0.1:$SMTP_PORT (counts messages and distinct Message-IDs)"
  "$JAVA" -Xmx256m bench/mail/SmtpSink.java "$SMTP_PORT" > "$WORK/sink.log" 2>&1 &
fi
SINK_PID=$!
trap 'kill $SINK_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null && break
  sleep 0.2
done

echo "== Parcours: queue $COUNT, deliver, count at the sink"
"$JAVA" -Xmx${BENCH_XMX:-512m} ${BENCH_JAVA_OPTS:-} -cp "target/classes:$(cat "$WORK/classpath.txt")" bench/mail/MailBench.java \
  "$SMTP_PORT" "$COUNT" "$SINK_KIND" "$IMAP_PORT"
echo "== SMTP sink CPU time (user+system): $(awk '{printf "%.1f s", ($14+$15)/100}' /proc/$SINK_PID/stat)"
