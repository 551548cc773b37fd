#!/usr/bin/env bash
# XaSo portal benchmark: the public commune home page /x/14701 under concurrent load, measured against
# a reference taken in the same run on the same instance (the static stylesheet through the same
# Tomcat and security filters). Also the 304 path a revalidating browser or proxy takes
# (If-None-Match with the page's ETag). Starts its own instance from the jar on a fresh data folder
# (demo data: Xã Yên Mô with its demo notices, news, schedule), stops it afterwards, and appends a
# Markdown summary to docs/performance.md. Raw outputs: bench/results/<timestamp>-portal/.
#
# Settings (environment): BENCH_DURATION=15 (s per wrk run), BENCH_WARMUP=5, BENCH_THREADS=2,
# BENCH_CONNECTIONS=16, BENCH_REBUILD=0, BENCH_APPEND=1 (append to docs/performance.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${BENCH_DURATION:-15}
WARMUP=${BENCH_WARMUP:-5}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
REBUILD=${BENCH_REBUILD:-0}
APPEND=${BENCH_APPEND:-1}

BENCH_TAG=bench-portal
. bench/lib.sh

use_jdk
for tool in wrk curl; do command -v "$tool" >/dev/null || die "missing $tool (Debian: apt-get install wrk curl; bench/run.sh installs them)"; done

find_jar

bench_run_folders portal
cleanup() { bench_cleanup $?; }
trap cleanup EXIT
trap 'exit 130' INT TERM

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "nproc: $(nproc); loadavg before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "wrk: $(wrk -v 2>&1 | head -1)"
  echo "settings: duration=${DURATION}s warmup=${WARMUP}s threads=$THREADS connections=$CONNECTIONS"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

start_app 360
# The demo portal is loaded by an ApplicationRunner after start; wait until the home lists a notice.
has_notices() { local page; page=$(curl -fsS "$BASE/x/14701" || true); [[ "$page" == *post-item* ]]; }
for i in $(seq 1 300); do has_notices && break; sleep 0.2; done
has_notices || die "the demo notices did not appear on /x/14701"

headers=$(curl -fsS -D - -o /dev/null "$BASE/x/14701")
ETAG=$(printf '%s\n' "$headers" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
[ -n "$ETAG" ] || die "no ETag on /x/14701"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$BASE/x/14701")" = 304 ] || die "revalidation did not answer 304"
echo "wrk.headers[\"If-None-Match\"] = [[$ETAG]]" > "$OUT/revalidate.lua"

run() { # name path [script]
  local name=$1 path=$2 script=${3:-}
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" ${script:+-s "$script"} "$BASE$path" > /dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency ${script:+-s "$script"} "$BASE$path" > "$OUT/$name.txt"
  local rps p50 p99 non2xx
  rps=$(awk '/^Requests\/sec/ {print $2}' "$OUT/$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$OUT/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$OUT/$name.txt")
  non2xx=$(awk '/Non-2xx or 3xx responses/ {print $5}' "$OUT/$name.txt")
  echo "$name|$path|$rps|$p50|$p99|${non2xx:-0}" >> "$OUT/summary.psv"
  log "$name: $rps req/s, p50 $p50, p99 $p99, non-2xx/3xx ${non2xx:-0}"
}
: > "$OUT/summary.psv"
run reference-css /assets/xaso.css
run portal-home /x/14701
run portal-home-304 /x/14701 "$OUT/revalidate.lua"
run portal-notices /x/14701/notices

ref=$(awk -F'|' '$1 == "reference-css" {print $3}' "$OUT/summary.psv")
{
  echo
  echo "## Portal home under load ($(date -u +%Y-%m-%d), bench/portal-home.sh)"
  echo
  echo "One instance (\`-Xmx512m -XX:+UseSerialGC\`, embedded PostgreSQL 17, demo data), wrk $THREADS threads × $CONNECTIONS connections,"
  echo "${DURATION} s per endpoint after ${WARMUP} s warm-up, on a machine of $(nproc) cores shared with other work (load average"
  echo "at the end of the run: $(cut -d' ' -f1-3 /proc/loadavg)). The ratio compares each endpoint with the static stylesheet measured in the same run."
  echo
  echo "| endpoint | req/s | p50 | p99 | non-2xx/3xx | ratio to static CSS |"
  echo "|---|---:|---:|---:|---:|---:|"
  while IFS='|' read -r name path rps p50 p99 bad; do
    ratio=$(awk -v a="$rps" -v b="$ref" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')
    echo "| \`$path\`$( [ "$name" = portal-home-304 ] && echo ' (If-None-Match → 304)') | $rps | $p50 | $p99 | $bad | $ratio |"
  done < "$OUT/summary.psv"
} > "$OUT/summary.md"
cat "$OUT/summary.md"
[ "$APPEND" = 1 ] && cat "$OUT/summary.md" >> docs/performance.md
log "done; raw outputs in $OUT"
