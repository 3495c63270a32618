#!/usr/bin/env bash
# Replay range-request benchmark: Parcours vs nginx serving the same 200 MB file, side by side in one run, with wrk
# on the same machine (random 1 MiB ranges, then whole-file GETs). Also uploads the file (and a 1 GB one) through
# the organiser's upload form and reports throughput and heap. Figures go to docs/benchmarks.md.
#   bench/range/run.sh
#   SIZE_MB=200 UPLOAD_MB=1024 DURATION=10s ROUNDS=3 CONNECTIONS=8 bench/range/run.sh
# Needs nginx and wrk (apt-get install -y nginx-light wrk). Only loopback addresses are used; nginx is stopped at
# the end and the generated files are deleted.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
SIZE_MB="${SIZE_MB:-200}"
UPLOAD_MB="${UPLOAD_MB:-1024}"
export DURATION="${DURATION:-10s}" ROUNDS="${ROUNDS:-3}" CONNECTIONS="${CONNECTIONS:-8}"
WORK="$(pwd)/target/bench-range"
rm -rf "$WORK" && mkdir -p "$WORK/www" "$WORK/nginx"

command -v nginx > /dev/null || { echo "nginx is missing: apt-get install -y nginx-light" >&2; exit 1; }
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

echo "== building (skip tests)"
./mvnw -B -q -DskipTests -Dspotless.check.skip=true compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/classpath.txt"

# A real MP4 header (so the upload is accepted by content) followed by random bytes up to the size.
make_file() { # path size_mb
  cp src/main/resources/demo/media/replay-sample.mp4 "$1"
  head -c $(( $2 * 1024 * 1024 - $(stat -c %s "$1") )) /dev/urandom >> "$1"
}
echo "== files: ${SIZE_MB} MB (served) and ${UPLOAD_MB} MB (upload only)"
make_file "$WORK/www/replay.mp4" "$SIZE_MB"
if [ "$UPLOAD_MB" -gt 0 ]; then make_file "$WORK/upload.mp4" "$UPLOAD_MB"; fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
NGINX_PORT=$(free_port)
cat > "$WORK/nginx/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  types { video/mp4 mp4; }
  client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy; fastcgi_temp_path $WORK/nginx/fcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; }
}
CONF
echo "== nginx $(nginx -v 2>&1 | sed 's/.*: //') on 127.0.0.1:$NGINX_PORT (sendfile on, $(nproc) workers)"
nginx -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
cleanup() { kill "$NGINX_PID" 2>/dev/null || true; rm -f "$WORK/www/replay.mp4" "$WORK/upload.mp4"; rm -rf "$WORK/data"; }
trap cleanup EXIT
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$NGINX_PORT") 2>/dev/null && break; sleep 0.1; done

echo "== Parcours (in this JVM: ${BENCH_XMX:-512m} heap) and wrk, side by side"
"$JAVA" -Xmx${BENCH_XMX:-512m} ${BENCH_JAVA_OPTS:-} -cp "target/classes:$(cat "$WORK/classpath.txt")" \
  bench/range/RangeBench.java "$NGINX_PORT" "$WORK/www/replay.mp4" "$WORK/upload.mp4" "$WORK/data" \
  bench/range/range.lua
