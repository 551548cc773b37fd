#!/usr/bin/env bash
# Start-up to healthy (issue 15, goal 6: ≤ 15 s), started the way an operator starts XaSo — `./xaso serve`
# (-Xmx512m -XX:+UseSerialGC, the embedded PostgreSQL 17) on free loopback ports — in three cases:
#   fresh       a fresh data folder without the demo: a real commune's first start (go-live; the setup address)
#   restart     that folder started again: the everyday case
#   fresh+demo  a fresh data folder with the demo communes (what bench/run.sh then loads)
# each with the start-up cache (`./xaso start-cache` first: the jar extracted and a training start, not timed) and
# with the plain jar (XASO_START_CACHE=0), BENCH_STARTUP_RUNS times (the median is reported). Seconds are counted
# from the command to `GET /actuator/health` answering {"status":"UP"}, which happens only after the start-up
# runners (units import, demo data); the phases in between come from the app log's timestamps.
#
#   ./xaso bench startup        (or bench/startup.sh; bench/run.sh runs it before its own measurements)
#
# Settings: BENCH_STARTUP_RUNS=1, BENCH_STARTUP_MODES="cache plain", BENCH_OUT (results folder).
# Writes startup.tsv (one line per start), app-*.log and summary.md (phase table and the goal line).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BENCH_TAG=startup
. bench/lib.sh
use_jdk
find_jar

RUNS=${BENCH_STARTUP_RUNS:-1}
MODES=${BENCH_STARTUP_MODES:-"cache plain"}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=${BENCH_OUT:-"$ROOT/bench/results/$STAMP-startup"}
mkdir -p "$OUT"
APP_PID=""; DATA_DIR=""

cleanup() {
  local rc=$?
  set +e; trap - EXIT INT TERM
  stop_app_and_db
  [ -n "$DATA_DIR" ] && rm -rf "$DATA_DIR"
  [ $rc -ne 0 ] && log "failed (exit $rc); raw outputs in $OUT"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

quiet_check 5
BEFORE_NOTE=$QUIET_NOTE

if [[ " $MODES " == *" cache "* ]]; then
  log "Preparing the start-up cache (./xaso start-cache; not timed) ..."
  ./xaso start-cache > "$OUT/start-cache.txt" 2>&1 || { cat "$OUT/start-cache.txt" >&2; die "./xaso start-cache failed"; }
  cat "$OUT/start-cache.txt" >&2
fi

# Seconds from t0 (ns) to a log line's timestamp (first line matching the pattern), or "–".
at() {
  local line ts
  line=$(grep -m1 -E "$2" "$3" || true)
  ts=${line%%Z *}
  [[ "$ts" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T ]] || { echo "–"; return; }
  awk -v a="$1" -v b="$(date -d "${ts}Z" +%s%N)" 'BEGIN {printf "%.2f", (b - a) / 1e9}'
}

echo -e "mode\tcase\trun\tfirst_log_s\tdb_ready_s\ttomcat_init_s\tmigrations_done_s\tstarted_s\thealthy_s\tcache_warning" > "$OUT/startup.tsv"

# start_once mode case run: one start on DATA_DIR until healthy, one line in startup.tsv, then stops the app.
start_once() {
  local mode=$1 case=$2 run=$3 demo=false cache=auto app_port db_port applog t0 healthy="" i warn=no
  [ "$case" = fresh+demo ] && demo=true
  [ "$mode" = plain ] && cache=0
  app_port=$(free_port) || die "no free port"
  db_port=$(free_port "$app_port") || die "no free port"
  applog="$OUT/app-$mode-$case-$run.log"
  log "$mode, $case, run $run: ./xaso serve on port $app_port (data in $DATA_DIR) ..."
  t0=$(date +%s%N)
  XASO_START_CACHE=$cache ./xaso serve --server.port="$app_port" --xaso.data-dir="$DATA_DIR" \
    --xaso.db.embedded-port="$db_port" --xaso.demo.load="$demo" > "$applog" 2>&1 &
  APP_PID=$!
  for i in $(seq 1 1800); do   # 180 s at most
    kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$applog" >&2; die "the app exited during start-up (see $applog)"; }
    if curl -fsS -m 1 "http://127.0.0.1:$app_port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      healthy=$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN {printf "%.2f", (b - a) / 1e9}')
      break
    fi
    sleep 0.1
  done
  [ -n "$healthy" ] || die "not healthy after 180 s (see $applog)"
  grep -q 'Preparing the start-up cache' "$applog" && die "the cache was made inside a timed start (see $applog)"
  grep -qE '\[(warning|error)\]\[(aot|cds)' "$applog" && warn=yes
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$mode" "$case" "$run" \
    "$(at "$t0" 'Starting XasoApplication' "$applog")" "$(at "$t0" 'Embedded PostgreSQL 17 ready' "$applog")" \
    "$(at "$t0" 'Tomcat initialized' "$applog")" \
    "$(at "$t0" 'DbMigrate .*(Successfully applied|is up to date|No migration necessary)' "$applog")" \
    "$(at "$t0" 'Started XasoApplication' "$applog")" "$healthy" "$warn" >> "$OUT/startup.tsv"
  log "$mode, $case, run $run: healthy after ${healthy}s"
  stop_app_and_db || true
  APP_PID=""
}

cpu_mark
for run in $(seq 1 "$RUNS"); do
  for mode in $MODES; do
    DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/xaso-startup.XXXXXX")
    start_once "$mode" fresh "$run"
    start_once "$mode" restart "$run"
    rm -rf "$DATA_DIR"
    DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/xaso-startup.XXXXXX")
    start_once "$mode" fresh+demo "$run"
    rm -rf "$DATA_DIR"; DATA_DIR=""
  done
done
cpu_other_since "during the starts"

# ---------------------------------------------------------------- summary
median() { # mode case column
  awk -F'\t' -v m="$1" -v c="$2" -v k="$3" 'NR > 1 && $1 == m && $2 == c && $k ~ /^[0-9]/ {print $k}' "$OUT/startup.tsv" | sort -n \
    | awk '{v[NR] = $1} END {if (!NR) {print "–"; exit} printf "%.1f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'
}
goal() { # mode: the slower of a commune's first start and its restart
  awk -v a="$(median "$1" fresh 9)" -v b="$(median "$1" restart 9)" 'BEGIN {printf "%.1f", (a > b ? a : b)}'
}
{
  echo "### Start-up to healthy ($STAMP, git $(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
  echo
  echo "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(nproc) cores; median of $RUNS run(s); ./xaso serve (-Xmx512m -XX:+UseSerialGC, embedded PostgreSQL); $BEFORE_NOTE; $QUIET_NOTE."
  echo
  echo "Seconds from the command; \"ready\" = Spring's \"Started XasoApplication\" (context built, Tomcat listening); healthy = \`/actuator/health\` UP, after the start-up runners."
  echo
  echo "| start | case | first log line | PostgreSQL ready | Tomcat initialised | migrations done | ready | **healthy** |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  for mode in $MODES; do
    for case in fresh restart fresh+demo; do
      label=$([ "$mode" = cache ] && echo "with the start-up cache" || echo "plain jar")
      echo "| $label | $case | $(median "$mode" "$case" 4) | $(median "$mode" "$case" 5) | $(median "$mode" "$case" 6) | $(median "$mode" "$case" 7) | $(median "$mode" "$case" 8) | **$(median "$mode" "$case" 9)** |"
    done
  done
  echo
  if awk -F'\t' 'NR > 1 && $10 == "yes" {found = 1} END {exit !found}' "$OUT/startup.tsv"; then
    echo "Warning: the JVM reported a problem with the cache in some starts (grep '\\[aot\\|\\[cds' $OUT/app-*.log)."
    echo
  fi
  first=$(echo "$MODES" | awk '{print $1}')
  g=$(goal "$first")
  verdict=$(awk -v g="$g" 'BEGIN {print (g <= 15 ? "met" : "NOT met")}')
  echo "Goal 6 start-up: **$g s** (goal ≤ 15 s: $verdict) — the slower of a commune's first start ($(median "$first" fresh 9) s) and its restart ($(median "$first" restart 9) s), $([ "$first" = cache ] && echo "with the start-up cache" || echo "plain jar"); first start with the demo $(median "$first" fresh+demo 9) s.$([ "$QUIET_STATUS" = quiet ] || echo " DISTURBED machine: not a goal figure.")"
} > "$OUT/summary.md"
cat "$OUT/summary.md"
