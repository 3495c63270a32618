#!/usr/bin/env bash
# Search benchmark: 50 cycles x 10 sessions x 100 questions (each with a first answer), plus the sessions and cycles
# (50,550 documents), generated and indexed on disk through the search index API as a full rebuild does; then 3,000
# measured queries (after 3,000 unmeasured) of nine families: frequent and rare words, with and without accents,
# English words, two and three words, a kind filter, words found nowhere. Each query is one results page: 20 hits
# with highlighted snippets and the per-kind counts. Prints the index build time and p50/p90/p99/max latency per
# family and overall (target: p99 < 50 ms). See SearchBench and docs/library-search.md.
#
#   bench/search/run.sh
#
# Environment: CYCLES (50), SESSIONS (10), QUESTIONS (100), QUERIES (3000).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
report="$(pwd)/target/bench-search.txt"
mkdir -p target

./mvnw -B -q test-compile
./mvnw -B -q surefire:test -Dtest=SearchBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.cycles="${CYCLES:-50}" -Dbench.sessions="${SESSIONS:-10}" -Dbench.questions="${QUESTIONS:-100}" \
  -Dbench.queries="${QUERIES:-3000}" -Dbench.report="$report"

echo
cat "$report"
