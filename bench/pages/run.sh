#!/usr/bin/env bash
# Page benchmark: the packaged Parcours against nginx serving the very same HTML bytes as static files, measured
# side by side in one run with wrk on loopback (same threads, same connections), plus start-up time to a healthy
# readiness probe and idle RSS, with plain `java -jar` and with a JDK 25 AOT cache. See docs/benchmarks.md.
#
#   bench/pages/run.sh            # builds target/parcours.jar, runs everything (~8 minutes), prints markdown
#
# Environment (all optional):
#   BENCH_APP_PORT=8084 BENCH_NGINX_PORT=8085   ports on 127.0.0.1
#   BENCH_HEAP=-Xmx256m                         JVM heap setting of the application under load
#   BENCH_DURATION=25s BENCH_WARMUP=10s         each measured wrk run / each warm-up run
#   BENCH_CONNECTIONS=64 BENCH_THREADS=2        wrk connections and threads
#   BENCH_CYCLE_PATH=/cycles/x BENCH_SESSION_PATH=/cycles/x/...   pages to measure (default: found via links)
#   BENCH_SKIP_BUILD=1                          use the existing target/parcours.jar
#   BENCH_STARTS=3                              restarts measured per start-up variant (median reported)
#   BENCH_SKIP_STARTUP=1                        only the load test (e.g. to compare BENCH_APP_ARGS variants)
#   BENCH_KEEP=1                                keep the temporary directory (logs, wrk output)
#   BENCH_APP_ARGS="--parcours.page-cache.enabled=false"   extra arguments for the application under load
# Needs root (or password-less sudo) only to install nginx and wrk when they are missing.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
APP_PORT=${BENCH_APP_PORT:-8084}
NGINX_PORT=${BENCH_NGINX_PORT:-8085}
HEAP=${BENCH_HEAP:--Xmx256m}
DURATION=${BENCH_DURATION:-25s}
WARMUP=${BENCH_WARMUP:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
STARTS=${BENCH_STARTS:-3}
JAR="$ROOT/target/parcours.jar"
BASE="http://127.0.0.1:$APP_PORT"

say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# --- tools ---------------------------------------------------------------------------------------------------
java_major() {
    local v
    v=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -1)
    v=${v#1.}
    [[ "$v" =~ ^[0-9]+$ ]] && echo "$v" || echo 0
}
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && (( $(java_major "$JAVA_HOME/bin/java") >= 21 )); then
    :
elif [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
elif command -v java >/dev/null && (( $(java_major "$(command -v java)") >= 21 )); then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    export JAVA_HOME
else
    die "needs a JDK 21 or newer (JAVA_HOME)"
fi
JAVA="$JAVA_HOME/bin/java"
JAVA_MAJOR=$(java_major "$JAVA")

as_root() {
    if (( EUID == 0 )); then "$@"
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
    else die "installing nginx and wrk needs root: apt-get install nginx-light wrk"
    fi
}
if ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]] || ! command -v wrk >/dev/null; then
    say "installing nginx and wrk (Debian packages)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300 update >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300 install -y \
        --no-install-recommends nginx-light wrk >&2 \
        || as_root env DEBIAN_FRONTEND=noninteractive apt-get -q install -y --no-install-recommends nginx wrk >&2
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
command -v curl >/dev/null || die "needs curl"

if [[ -z "${BENCH_SKIP_BUILD:-}" || ! -f "$JAR" ]]; then
    say "building $JAR"
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests) >&2
fi

# --- scratch space and clean-up ------------------------------------------------------------------------------
WORK=$(mktemp -d /tmp/parcours-bench.XXXXXX)
chmod 755 "$WORK" # nginx workers run as an unprivileged user and must read $WORK/www
mkdir -p "$WORK/run" "$WORK/www" "$WORK/nginx/logs" "$WORK/nginx/tmp"
APP_PID=""
cleanup() {
    [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
    [[ -f "$WORK/nginx/nginx.pid" ]] && "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s quit 2>/dev/null
    [[ -n "$SAMPLER_PID" ]] && kill "$SAMPLER_PID" 2>/dev/null
    if [[ -n "${BENCH_KEEP:-}" ]]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
SAMPLER_PID=""
trap cleanup EXIT

for port in "$APP_PORT" "$NGINX_PORT"; do
    if curl -s --max-time 5 -o /dev/null "http://127.0.0.1:$port/" || (( $? == 28 )); then die "port $port is already in use"; fi
done

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the application -----------------------------------------------------------------------------------------
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
hwm_kb() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

# start_app LOG ARGS... : starts java in $WORK/run (so ./data is the scratch data directory), waits for the
# readiness probe and sets APP_PID and READY_MS (milliseconds from launch to readiness UP).
start_app() {
    local log=$1
    shift
    local t0 deadline
    t0=$(now_ms)
    local command=("$JAVA" "$@")
    [[ "${1:-}" == "$ROOT/bin/parcours" ]] && command=("$@")
    (cd "$WORK/run" && PARCOURS_PORT=$APP_PORT PARCOURS_DEMO=true PARCOURS_BASE_URL=$BASE \
        PARCOURS_JAR="$JAR" PARCOURS_AOT_DIR="$WORK/launcher-aot" exec "${command[@]}") > "$WORK/$log" 2>&1 &
    APP_PID=$!
    deadline=$(( t0 + 180000 ))
    until curl -fs "$BASE/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
        kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$WORK/$log" >&2; die "the application exited (log: $log)"; }
        (( $(now_ms) < deadline )) || die "not ready after 180 s"
        sleep 0.05
    done
    READY_MS=$(( $(now_ms) - t0 ))
}

stop_app() {
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
}

started_in() { # "Started ParcoursApplication in 3.9 seconds" as logged by Spring Boot
    sed -n 's/.*Started [A-Za-z]* in \([0-9.]*\) seconds.*/\1 s/p' "$WORK/$1" | head -1
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { awk -v ms="$1" 'BEGIN {printf "%.2f s", ms/1000}'; }
mb() { awk -v kb="$1" 'BEGIN {printf "%d MB", kb/1024}'; }

# idle_rss: lets the application settle for 15 s after readiness (the launcher's idle collection runs every 5 s),
# then reads its resident set.
idle_rss() { sleep 15; rss_kb "$APP_PID"; }

STARTUP_ROWS=()
measure_first_start() {
    say "start-up: first start on an empty data directory (migrations and demo import)"
    start_app first.log -jar "$JAR"
    local first_ms=$READY_MS first_rss
    first_rss=$(idle_rss)
    STARTUP_ROWS+=("| first start, empty data dir, \`java -jar\` | $(seconds "$first_ms") | $(started_in first.log) | $(mb "$first_rss") |")
    stop_app
}

measure_restarts() { # label log-prefix java-args...
    local label=$1 prefix=$2
    shift 2
    local times=() rss=() started=() i
    for i in $(seq 1 "$STARTS"); do
        start_app "$prefix-$i.log" "$@"
        times+=("$READY_MS")
        rss+=("$(idle_rss)")
        started+=("$(started_in "$prefix-$i.log" | cut -d' ' -f1)")
        stop_app
    done
    local t r st
    t=$(printf '%s\n' "${times[@]}" | median)
    r=$(printf '%s\n' "${rss[@]}" | median)
    st=$(printf '%s\n' "${started[@]}" | median)
    say "$label: ready in ${times[*]} ms, idle RSS ${rss[*]} kB"
    STARTUP_ROWS+=("| $label (median of $STARTS) | $(seconds "$t") | ${st} s | $(mb "$r") |")
}

measure_aot() {
    if (( JAVA_MAJOR < 25 )); then
        STARTUP_ROWS+=("| AOT cache | n/a (needs JDK 25, running $JAVA_MAJOR) | | |")
        return
    fi
    say "start-up: JDK $JAVA_MAJOR AOT cache (extract, training run, then restarts)"
    "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >&2
    (cd "$WORK/run" && PARCOURS_PORT=$APP_PORT "$JAVA" -XX:AOTCacheOutput="$WORK/app/app.aot" \
        -Dspring.context.exit=onRefresh -jar "$WORK/app/parcours.jar") > "$WORK/aot-training.log" 2>&1 \
        || { tail -30 "$WORK/aot-training.log" >&2; die "AOT training run failed"; }
    measure_restarts "restart, extracted jar + \`-XX:AOTCache\`" aot \
        -XX:AOTCache="$WORK/app/app.aot" -jar "$WORK/app/parcours.jar"
}

# The production launcher (bin/parcours: -Xms64m -Xmx512m, AOT cache on JDK 25); its first start prepares the
# cache (extract and training run) and is not counted.
measure_launcher() {
    say "start-up: bin/parcours (first start prepares its AOT cache)"
    start_app launcher-prepare.log "$ROOT/bin/parcours"
    stop_app
    measure_restarts "restart, \`bin/parcours\` (launcher: 512 MB heap, AOT cache)" launcher "$ROOT/bin/parcours"
    say "start-up: bin/parcours without the AOT cache"
    PARCOURS_AOT=0 measure_restarts "restart, \`PARCOURS_AOT=0 bin/parcours\` (launcher: 512 MB heap)" launcher-plain \
        "$ROOT/bin/parcours"
}

if [[ -z "${BENCH_SKIP_STARTUP:-}" ]]; then
    measure_first_start
    say "start-up: restarts with plain java -jar"
    measure_restarts "restart, \`java -jar target/parcours.jar\`" plain -jar "$JAR"
    measure_aot
    measure_launcher
fi

# --- pages under load ----------------------------------------------------------------------------------------
say "starting the application for the load test ($HEAP)"
# shellcheck disable=SC2086 # BENCH_APP_ARGS is a list of arguments
start_app load.log "$HEAP" -jar "$JAR" ${BENCH_APP_ARGS:-}

home=$(curl -fsS "$BASE/")
cycle_path=${BENCH_CYCLE_PATH:-$(grep -oE 'href="/cycles/[A-Za-z0-9._~-]+"' <<<"$home" | head -1 | cut -d'"' -f2 || true)}
if [[ -z "$cycle_path" ]]; then
    say "WARNING: no link to a published cycle on the home page (demo content missing?); measuring the home page instead"
    cycle_path=/
    session_path=/
else
    cycle_html=$(curl -fsS "$BASE$cycle_path")
    mapfile -t candidates < <(grep -oE "href=\"$cycle_path/[^\"#?]+\"" <<<"$cycle_html" | cut -d'"' -f2 | awk '!seen[$0]++')
    # The third session of the path shows the recap of the two before it: the heaviest public page.
    if (( ${#candidates[@]} >= 3 )); then pick=${candidates[2]}; else pick=${candidates[0]:-}; fi
    session_path=${BENCH_SESSION_PATH:-$pick}
    [[ -n "$session_path" ]] || die "no session link on $cycle_path; set BENCH_SESSION_PATH"
fi
say "cycle page: $cycle_path   session page: $session_path"

curl -fsS -o "$WORK/www/cycle.html" "$BASE$cycle_path"
curl -fsS -o "$WORK/www/session.html" "$BASE$session_path"
chmod 755 "$WORK/www" && chmod 644 "$WORK/www/"*.html
cycle_bytes=$(stat -c %s "$WORK/www/cycle.html")
session_bytes=$(stat -c %s "$WORK/www/session.html")

cat > "$WORK/nginx/nginx.conf" <<NGINX
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/www;
    }
}
NGINX
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
NGINX_BASE="http://127.0.0.1:$NGINX_PORT"
cmp -s <(curl -fsS "$NGINX_BASE/cycle.html") "$WORK/www/cycle.html" || die "nginx does not serve the cycle page"

# Resident set of the application, sampled every half second while wrk runs against it.
sample_rss() { local max=0 r; while kill -0 "$APP_PID" 2>/dev/null; do r=$(rss_kb "$APP_PID"); (( r > max )) && max=$r && echo "$max" > "$WORK/rss-max"; sleep 0.5; done; }
echo 0 > "$WORK/rss-max"

to_ms() { # wrk latency ("850.00us", "12.34ms", "1.02s") in milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

declare -A RPS P99 P50 BAD
run_wrk() { # key url duration [record]
    local key=$1 url=$2 duration=$3 out="$WORK/wrk-$1.txt"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency ${WRK_HEADER:+-H "$WRK_HEADER"} "$url" > "$out"
    if [[ "${4:-}" == record ]]; then
        RPS[$key]=$(awk '/^Requests\/sec:/ {printf "%d", $2}' "$out")
        P50[$key]=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
        P99[$key]=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
        BAD[$key]=$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {n += $4 + $6 + $8 + $10} END {print n + 0}' "$out")
        say "$key: ${RPS[$key]} req/s, p50 ${P50[$key]} ms, p99 ${P99[$key]} ms, errors ${BAD[$key]}"
    fi
}

say "warming up (${WARMUP} per target)"
sample_rss &
SAMPLER_PID=$!
for target in "nginx-cycle $NGINX_BASE/cycle.html" "parcours-cycle $BASE$cycle_path" \
    "nginx-session $NGINX_BASE/session.html" "parcours-session $BASE$session_path"; do
    run_wrk warmup "${target#* }" "$WARMUP"
done
say "measuring (${DURATION} per target, ${CONNECTIONS} connections, ${THREADS} threads)"
run_wrk nginx-cycle "$NGINX_BASE/cycle.html" "$DURATION" record
run_wrk parcours-cycle "$BASE$cycle_path" "$DURATION" record
run_wrk nginx-session "$NGINX_BASE/session.html" "$DURATION" record
run_wrk parcours-session "$BASE$session_path" "$DURATION" record
# As browsers ask: gzip accepted (the page cache keeps a gzipped copy; nginx is not compared here, it would compress
# on every request unless given pre-compressed files).
WRK_HEADER="Accept-Encoding: gzip" run_wrk parcours-session-gzip "$BASE$session_path" "$DURATION" record
gzip_bytes=$(curl -fsS -H "Accept-Encoding: gzip" "$BASE$session_path" | wc -c)
load_rss_max=$(cat "$WORK/rss-max")
load_hwm=$(hwm_kb "$APP_PID")
kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=""
stop_app

# --- report --------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%d %%", 100 * a / b; else print "n/a" }'; }
cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
ram=$(free -g | awk '/^Mem:/ {print $2 " GiB"}')
os=$(. /etc/os-release && echo "$PRETTY_NAME")
jdk=$("$JAVA" -version 2>&1 | sed -n 2p)
report="$ROOT/target/bench-pages.md"
{
    echo "### Run of $(date -u +%Y-%m-%dT%H:%MZ) (\`bench/pages/run.sh\`, commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'))"
    echo
    echo "Machine: load average $LOAD_BEFORE before the run and $(cut -d" " -f1-3 /proc/loadavg) after it (other work on the machine skews every figure); $(nproc) CPUs ($cpu), $ram RAM, $os, kernel $(uname -r); JDK: $jdk; $("$NGINX" -v 2>&1 | sed 's/.*: //'); wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')."
    echo "Load: wrk \`-t$THREADS -c$CONNECTIONS -d$DURATION --latency\` on loopback, after a ${WARMUP} warm-up of each target; application started with \`java $HEAP -jar target/parcours.jar${BENCH_APP_ARGS:+ $BENCH_APP_ARGS}\` (H2 file database, demo content on); nginx with 2 workers, sendfile, access log off, serving the bytes the application returned (cycle page $cycle_bytes bytes: \`$cycle_path\`; session page $session_bytes bytes: \`$session_path\`)."
    echo
    echo "| page | server | requests/s | p50 | p99 | errors | Parcours / nginx |"
    echo "|---|---|---:|---:|---:|---:|---:|"
    echo "| cycle | nginx (static file) | ${RPS[nginx-cycle]} | ${P50[nginx-cycle]} ms | ${P99[nginx-cycle]} ms | ${BAD[nginx-cycle]} | |"
    echo "| cycle | Parcours | ${RPS[parcours-cycle]} | ${P50[parcours-cycle]} ms | ${P99[parcours-cycle]} ms | ${BAD[parcours-cycle]} | **$(ratio "${RPS[parcours-cycle]}" "${RPS[nginx-cycle]}")** |"
    echo "| session | nginx (static file) | ${RPS[nginx-session]} | ${P50[nginx-session]} ms | ${P99[nginx-session]} ms | ${BAD[nginx-session]} | |"
    echo "| session | Parcours | ${RPS[parcours-session]} | ${P50[parcours-session]} ms | ${P99[parcours-session]} ms | ${BAD[parcours-session]} | **$(ratio "${RPS[parcours-session]}" "${RPS[nginx-session]}")** |"
    echo "| session, \`Accept-Encoding: gzip\` ($gzip_bytes bytes) | Parcours | ${RPS[parcours-session-gzip]} | ${P50[parcours-session-gzip]} ms | ${P99[parcours-session-gzip]} ms | ${BAD[parcours-session-gzip]} | |"
    echo
    echo "Parcours RSS under load: $(mb "$load_rss_max") (highest sample during the runs); peak since start (VmHWM): $(mb "$load_hwm")."
    if (( ${#STARTUP_ROWS[@]} > 0 )); then
        echo
        echo "| start-up | launch → readiness UP | Spring \"Started … in\" | idle RSS (15 s after ready) |"
        echo "|---|---:|---:|---:|"
        printf '%s\n' "${STARTUP_ROWS[@]}"
    fi
} | tee "$report"
say "report written to $report"
