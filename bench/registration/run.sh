#!/usr/bin/env bash
# Registration race benchmark: 5,000 people register at the same moment for one session with 100 conference seats,
# on H2 (file database, as the embedded default) and on the local PostgreSQL. Each run asserts exact counts
# (100 seated, 4,900 on stream seats and waitlisted, 0 errors, one confirmation queued per registration) and prints
# registrations/s and latency percentiles. See docs/benchmarks.md, section "Registration race".
#
#   bench/registration/run.sh            # both databases
#   bench/registration/run.sh h2         # or: postgres
#
# Environment: ATTEMPTS (5000), SEATS (100), POOL (JDBC pool size, 20), PGHOST (127.0.0.1), PGUSER (postgres; the
# script creates and drops its own database there).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
which="${1:-both}"
attempts="${ATTEMPTS:-5000}"
seats="${SEATS:-100}"
pool="${POOL:-20}"
pghost="${PGHOST:-127.0.0.1}"
pguser="${PGUSER:-postgres}"
report="$(pwd)/target/bench-registration.txt"
mkdir -p target
: > "$report"

./mvnw -B -q test-compile

bench() {
  ./mvnw -B -q surefire:test -Dtest=RegistrationRaceBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.attempts="$attempts" -Dbench.seats="$seats" -Dbench.report="$report" \
    -Dspring.datasource.hikari.maximum-pool-size="$pool" -Dparcours.demo.enabled=false \
    -Dlogging.level.root=warn
}

if [[ "$which" == both || "$which" == h2 ]]; then
  dir="$(mktemp -d /tmp/parcours-bench-h2.XXXXXX)"
  trap 'rm -rf "$dir"' EXIT
  PARCOURS_DB_URL="jdbc:h2:file:$dir/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" bench
  rm -rf "$dir"
fi

if [[ "$which" == both || "$which" == postgres ]]; then
  db="parcours_bench_$$"
  psql -h "$pghost" -U "$pguser" -qc "create database $db"
  trap 'psql -h "$pghost" -U "$pguser" -qc "drop database if exists $db"' EXIT
  PARCOURS_DB_URL="jdbc:postgresql://$pghost:5432/$db" PARCOURS_DB_USER="$pguser" SPRING_PROFILES_ACTIVE=postgres bench
fi

echo
cat "$report"
