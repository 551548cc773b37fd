#!/usr/bin/env bash
# XaSo soak (issue 12; see bench/README.md, "Soak"): one commune instance from the jar with -Xmx512m on the
# embedded PostgreSQL (durable, the production default) and the demo communes, under mixed traffic for N
# minutes (default 30) from the JDK-only load driver src/test/java/vn/xaso/platform/soak/SoakTraffic.java
# and SoakClient.java (compiled with javac, no dependencies). Every minute: errors (status outside 2xx/3xx, transport failures), p50/p99,
# the live heap after a full GC (jcmd GC.run, then jstat -gc), live Java threads, PostgreSQL connections
# (pg_stat_activity), HTTP session rows (spring_session), the load average and the CPU shares of the app, the driver and every other process.
# Prints a table and a verdict: 0 errors; heap after full GC judged only after a warm-up (SOAK_WARMUP,
# 5 minutes): the baseline is the first sample after it (minute 6; for runs too short for that, the middle
# minute), the end sample must be within ±10 % of it and no sample after it more than 10 % above it (the
# largest growth is printed); threads and connections not above the baseline (+5 threads, +1 connection of
# tolerance); HTTP session rows levelling off (the last third of the run adds < 10 % of the rows). The load
# average and the CPU share of other processes are printed for the first and last minute and the whole run;
# the run is marked DISTURBED when other processes used more than 10 % of the CPU over it.
# Raw outputs: bench/results/<timestamp>-soak/.
#
#   ./xaso bench soak [minutes]      (or bench/soak.sh [minutes])
#
# Settings (environment): SOAK_SCALE=1 (× 9 virtual users: 4 visitors, 2 citizens, one-stop, clerk,
# chairman; think time 0.5–1.5 s between rounds of 3–8 requests: 30–40 requests/s when the
# server answers fast), BENCH_REBUILD=0, SOAK_WARMUP=5 (minutes), SOAK_START_SECONDS=600 (how long the start
# may take; a machine shared with test runs can need more).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
MINUTES=${1:-${SOAK_MINUTES:-30}}
WARMUP=${SOAK_WARMUP:-5}
SCALE=${SOAK_SCALE:-1}
REBUILD=${BENCH_REBUILD:-0}
[[ "$MINUTES" =~ ^[0-9]+$ ]] && [ "$MINUTES" -ge 2 ] || { echo "usage: bench/soak.sh [minutes ≥ 2]" >&2; exit 2; }

BENCH_TAG=soak
. bench/lib.sh

use_jdk
for tool in psql curl; do command -v "$tool" >/dev/null || die "missing $tool (Debian: apt-get install postgresql-client curl; bench/run.sh installs them)"; done

jar=$(ls target/xaso-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$jar" ] || [ "$REBUILD" = 1 ]; then
  log "Building the jar (./mvnw -q -B -DskipTests package) ..."
  ./mvnw -q -B -DskipTests package || log "the build did not finish (offline without Spring Boot's repackager?); trying the compiled classes"
  jar=$(ls target/xaso-*.jar 2>/dev/null | grep -v plain | head -1 || true)
fi
# The executable jar, or — when Maven could not repackage it (offline, the repackager not in the local
# repository) — the compiled classes with the runtime class path Maven resolves offline.
if [ -n "$jar" ] && unzip -p "$jar" META-INF/MANIFEST.MF 2>/dev/null | grep -q '^Start-Class'; then
  LAUNCH=(-jar "$jar")
else
  [ -d target/classes/vn ] || die "no executable jar and no compiled classes: run ./mvnw -DskipTests package"
  [ -s target/classpath.txt ] || ./mvnw -o -q -B org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime || die "could not resolve the class path"
  LAUNCH=(-cp "target/classes:$(cat target/classpath.txt)" vn.xaso.XasoApplication)
  jar="target/classes (no executable jar)"
fi

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=${BENCH_OUT:-"$ROOT/bench/results/$STAMP-soak"}
mkdir -p "$OUT"
DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/xaso-soak.XXXXXX")
APP_PID=""; DRIVER_PID=""
APP_PORT=$(free_port) || die "no free port"
DB_PORT=$(free_port "$APP_PORT") || die "no free port"
BASE="http://127.0.0.1:$APP_PORT"
cleanup() {
  local rc=$? i pm
  set +e; trap - EXIT INT TERM
  [ -n "$DRIVER_PID" ] && kill -0 "$DRIVER_PID" 2>/dev/null && kill -TERM "$DRIVER_PID"
  stop_app_and_db
  rm -rf "$DATA_DIR"
  [ $rc -ne 0 ] && log "failed (exit $rc); raw outputs in $OUT"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo '?') $(git status --porcelain 2>/dev/null | grep -q . && echo '(dirty)')"
  echo "nproc: $(nproc)"
  echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "settings: minutes=$MINUTES scale=$SCALE"
  echo "loadavg before: $(cat /proc/loadavg)"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2
{ echo "before start: loadavg $(cat /proc/loadavg)"; ps -eo pid,pcpu,etime,args --sort=-pcpu | head -12 | cut -c1-200; } > "$OUT/other-load.txt"

log "Starting $jar on port $APP_PORT (embedded PostgreSQL on $DB_PORT, data in $DATA_DIR) ..."
# -XX:SoftRefLRUPolicyMSPerMB=0: every full GC also clears soft references not used since the previous GC, so
# "heap after full GC" is the strongly reachable live set. With the default (1 s per free MiB, ~7 minutes with
# 450 MiB free) the JVM drops start-up soft caches (reflection data and the like) once, 8-11 minutes into the
# run, which showed as a one-time 10 MiB drop in the runs of 6 and 7 December, not as a leak.
"$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC -XX:SoftRefLRUPolicyMSPerMB=0 "${LAUNCH[@]}" serve \
  --server.port="$APP_PORT" --xaso.data-dir="$DATA_DIR" --xaso.db.embedded-port="$DB_PORT" --xaso.demo.load=true \
  > "$OUT/app.log" 2>&1 &
APP_PID=$!
t_start=$(date +%s)
while [ $(( $(date +%s) - t_start )) -lt "${SOAK_START_SECONDS:-600}" ]; do   # a busy shared machine can take minutes
  kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$OUT/app.log" >&2; die "the app exited during start-up"; }
  curl -fsS -m 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && break
  sleep 0.2
done
curl -fsS -m 5 "$BASE/actuator/health" | grep -q '"status":"UP"' || die "not healthy after ${SOAK_START_SECONDS:-600} s"
log "healthy after $(( $(date +%s) - t_start )) s"
echo "start_to_healthy_s: $(( $(date +%s) - t_start ))" >> "$OUT/machine.txt"
PSQL=(psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres -X -q -At)

# ---------------------------------------------------------------- CPU accounting (as bench/run.sh)
CLK_TCK=$(getconf CLK_TCK); NCPU=$(nproc)
children_of() { [ -n "$1" ] || return 0; cat /proc/[0-9]*/stat 2>/dev/null | awk -v p="$1" '$4 == p {print $1}'; }
proc_jiffies() { local pid; for pid in "$@"; do cat "/proc/$pid/stat" 2>/dev/null; done | awk '{s += $14 + $15 + $16 + $17} END {print s + 0}'; }
cpu_snapshot() { # "wall total app driver"
  local pm; pm=$(postmaster_pid)
  # shellcheck disable=SC2046
  echo "$(date +%s%N) $(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat) $(proc_jiffies "$APP_PID" $pm $(children_of "$pm")) $(proc_jiffies "$DRIVER_PID")"
}
cpu_shares() { # before after → "app% driver% other%"
  read -r w0 t0 a0 d0 <<< "$1"; read -r w1 t1 a1 d1 <<< "$2"
  awk -v w="$((w1 - w0))" -v t="$((t1 - t0))" -v a="$((a1 - a0))" -v d="$((d1 - d0))" -v hz="$CLK_TCK" -v n="$NCPU" \
    'BEGIN {cap = n * hz * w / 1e9; o = t - a - d; if (o < 0) o = 0; printf "%.0f %.0f %.0f", 100 * a / cap, 100 * d / cap, 100 * o / cap}'
}
heap_after_full_gc_kb() {
  jcmd "$APP_PID" GC.run > /dev/null 2>&1 || true
  jstat -gc "$APP_PID" 2>/dev/null | awk 'NR == 1 {for (i = 1; i <= NF; i++) c[$i] = i; next}
    NR == 2 {printf "%d", $c["S0U"] + $c["S1U"] + $c["EU"] + $c["OU"]}'
}
live_threads() { jcmd "$APP_PID" PerfCounter.print 2>/dev/null | sed -n 's/^java.threads.live=//p'; }
session_rows() { "${PSQL[@]}" -c "select count(*) from spring_session" 2>/dev/null || echo "?"; }
db_connections() { "${PSQL[@]}" -c "select count(*) from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()" 2>/dev/null || echo "?"; }

sample() { # minute → one TSV line
  local m=$1 heap threads conns
  heap=$(heap_after_full_gc_kb); threads=$(live_threads); conns=$(db_connections)
  printf '%s\t%s\t%s\t%s\t%s\n' "$m" "$heap" "$threads" "$conns" "$(cut -d' ' -f1 /proc/loadavg)"
}

echo -e "minute\theap_after_full_gc_kb\tlive_threads\tdb_connections\tload1\tcpu_app_pct\tcpu_driver_pct\tcpu_other_pct\tsession_rows" > "$OUT/samples.tsv"
echo -e "$(sample 0)\t-\t-\t-\t$(session_rows)" >> "$OUT/samples.tsv"

log "Mixed traffic for $MINUTES minutes (scale $SCALE) ..."
# The driver is JDK only: two source files compiled with javac (no Maven, no dependencies).
"$JAVA_HOME/bin/javac" -d "$OUT/driver-classes" src/test/java/vn/xaso/platform/soak/SoakTraffic.java \
  src/test/java/vn/xaso/platform/soak/SoakClient.java || die "the load driver does not compile"
"$JAVA_HOME/bin/java" -Xmx256m -XX:+UseSerialGC -cp "$OUT/driver-classes" vn.xaso.platform.soak.SoakTraffic \
  "$BASE" $((MINUTES * 60)) 60 "$SCALE" > "$OUT/driver.txt" 2> "$OUT/driver.err" &
DRIVER_PID=$!
start=$(date +%s)
prev=$(cpu_snapshot)
first_snapshot=$prev
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for m in $(seq 1 "$MINUTES"); do
  while [ $(( $(date +%s) - start )) -lt $((m * 60)) ]; do
    kill -0 "$APP_PID" 2>/dev/null || die "the app exited during the soak (see $OUT/app.log)"
    sleep 1
  done
  now=$(cpu_snapshot)
  shares=$(cpu_shares "$prev" "$now" | tr ' ' '\t')
  prev=$now
  line="$(sample "$m")\t$shares\t$(session_rows)"
  echo -e "$line" >> "$OUT/samples.tsv"
  { echo; echo "minute $m: loadavg $(cat /proc/loadavg)"; ps -eo pid,pcpu,etime,args --sort=-pcpu | head -8 | cut -c1-160; } >> "$OUT/other-load.txt"
  log "minute $m: $(echo -e "$line" | awk -F'\t' '{printf "heap after full GC %d MiB, threads %s, connections %s, load %s, CPU app/driver/other %s/%s/%s %%", $2 / 1024, $3, $4, $5, $6, $7, $8}')"
done
run_shares=$(cpu_shares "$first_snapshot" "$(cpu_snapshot)")
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
wait "$DRIVER_PID" || true
DRIVER_PID=""
grep -cE ' (ERROR|WARN) ' "$OUT/app.log" > "$OUT/app-log-warn-error-count.txt" || true

# ---------------------------------------------------------------- table and verdict
BASELINE=$(( MINUTES >= WARMUP + 3 ? WARMUP + 1 : (MINUTES + 1) / 2 ))
OTHER_RUN=$(echo "$run_shares" | cut -d' ' -f3)
{
  echo "### Soak $STAMP: $MINUTES minutes, scale $SCALE ($(git rev-parse --short HEAD), $NCPU cores, load before: $(sed -n 's/^loadavg before: //p' "$OUT/machine.txt" | cut -d' ' -f1-3))"
  echo
  echo "| minute | requests | errors | p50 ms | p99 ms | p50 × static | heap after full GC MiB | live threads | DB connections | load 1 min | CPU app / driver / other % | HTTP sessions (rows) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' 'NR == FNR {if (FNR > 1) s[$1] = $0; next}
    /^STATS / {for (i = 2; i <= NF; i++) {split($i, kv, "="); v[kv[1]] = kv[2]}
      split(s[v["window"]], f, "\t")
      ratio = v["static_p50_ms"] > 0 ? sprintf("%.1f", v["p50_ms"] / v["static_p50_ms"]) : "–"
      printf "| %s | %s | %s | %s | %s | %s | %.1f | %s | %s | %s | %s / %s / %s | %s |\n", v["window"], v["requests"], v["errors"], v["p50_ms"], v["p99_ms"], ratio, f[2] / 1024, f[3], f[4], f[5], f[6], f[7], f[8], f[9]}' \
    FS='\t' "$OUT/samples.tsv" FS=' ' "$OUT/driver.txt"
  echo
  grep '^TOTAL' "$OUT/driver.txt" | sed 's/^/Driver: /' || echo "Driver: no TOTAL line (see $OUT/driver.err)"
  echo
  awk -F'\t' -v b="$BASELINE" -v last="$MINUTES" -v other_run="$OTHER_RUN" -v load_start="$load_start" -v load_end="$load_end" \
    -v errs="$(sed -n 's/^TOTAL .*errors=\([0-9]*\).*/\1/p' "$OUT/driver.txt")" '
    NR > 1 {h[$1] = $2; t[$1] = $3; c[$1] = $4; o[$1] = $8; r[$1] = $9
      if ($1 >= b) {if ($3 > tmax) tmax = $3; if ($4 > cmax) cmax = $4; if ($2 > hmax) {hmax = $2; hmaxm = $1}}}
    END {
      ok = 1
      if (errs == "" || errs > 0) {ok = 0; printf "- errors: **%s** (FAIL)\n", errs == "" ? "?" : errs} else print "- errors: 0 (ok)"
      d = h[b] > 0 ? 100 * (h[last] - h[b]) / h[b] : 0
      g = h[b] > 0 ? 100 * (hmax - h[b]) / h[b] : 0
      flat = (d <= 10 && d >= -10 && g <= 10)
      printf "- heap after full GC (after the warm-up): minute %d %.1f MiB → minute %d %.1f MiB (%+.1f %%; limit ±10 %%); largest after minute %d: %.1f MiB at minute %d (%+.1f %%; limit +10 %%) (%s)\n", b, h[b] / 1024, last, h[last] / 1024, d, b, hmax / 1024, hmaxm, g, flat ? "ok" : "FAIL"
      if (!flat) ok = 0
      printf "- live threads: minute %d %d, highest after it %d (limit +5) (%s)\n", b, t[b], tmax, tmax <= t[b] + 5 ? "ok" : "FAIL"
      if (tmax > t[b] + 5) ok = 0
      printf "- DB connections: minute %d %d, highest after it %d (limit +1) (%s)\n", b, c[b], cmax, cmax <= c[b] + 1 ? "ok" : "FAIL"
      if (cmax > c[b] + 1) ok = 0
      third = last - int(last / 3); if (third >= last) third = last - 1
      s = r[third] > 0 ? 100 * (r[last] - r[third]) / r[third] : 0
      printf "- HTTP session rows: minute %d %d → minute %d %d (%+.1f %% over the last third; limit +10 %%) (%s)\n", third, r[third], last, r[last], s, s <= 10 ? "levels off" : "FAIL: still growing"
      if (s > 10) ok = 0
      printf "- machine: load average at the start %s, at the end %s; CPU of other processes: minute 1 %s %%, minute %d %s %%, whole run %s %% (limit 10 %%)\n", load_start, load_end, o[1], last, o[last], other_run
      disturbed = (other_run + 0 > 10)
      printf "\n**Verdict: %s%s**\n", ok ? "PASS" : "FAIL", disturbed ? " — DISTURBED (other processes used " other_run " % of the CPU; the figures are not those of a quiet machine)" : ""
    }' "$OUT/samples.tsv"
  echo
  echo "Baseline minute $BASELINE (the first sample after the $WARMUP-minute warm-up; the middle minute for shorter runs). CPU columns: share of the $NCPU cores used in that minute by the app (java + its PostgreSQL), by the load driver, and by everything else (if 'other' is not near 0 the machine was busy and the run is disturbed). p50 × static: the minute's p50 over the p50 of the static stylesheet measured in the same minute. Raw outputs: bench/results/$(basename "$OUT")/"
} > "$OUT/summary.md"
cat "$OUT/summary.md"
grep -q 'Verdict: PASS' "$OUT/summary.md"
