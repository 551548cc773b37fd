#!/usr/bin/env bash
# XaSo HTTP benchmark (see bench/README.md). Starts one commune instance from the jar on a fresh
# data folder, times start-up to healthy, loads a few public endpoints with wrk, measures the same
# database queries with pgbench as a reference, records heap and RSS, stops everything it started,
# and prints a Markdown summary. Raw outputs go to bench/results/<timestamp>/.
#
#   ./xaso bench            (or bench/run.sh directly)
#
# Settings (environment):
#   BENCH_DURATION=20       seconds per measured wrk run
#   BENCH_WARMUP=5          seconds of warm-up per endpoint before any measurement
#   BENCH_THREADS=2         wrk threads
#   BENCH_CONNECTIONS="16 64"  wrk connection counts
#   BENCH_PG_DURATION=10    seconds per pgbench run
#   BENCH_PG_CLIENTS=16     pgbench clients
#   BENCH_REBUILD=0         1: rebuild the jar even if target/xaso-*.jar exists
#   BENCH_DOCUMENTS=1       0: skip the document search benchmark (bench/documents-search.sh) run afterwards
#   BENCH_PDF=1             0: skip the released-document size check (bench/document-pdf-size.sh) run afterwards
#   BENCH_SPEECH=1          0: skip the speech speed benchmark (bench/speech.sh) run afterwards
#   BENCH_STARTUP=1         0: skip the start-up benchmark (bench/startup.sh, goal 6) run first
#   BENCH_DOSSIERS_SUBMIT=1 0: skip the dossier submission benchmark (bench/dossiers-submit.sh, issue 15 goal 2)
#   BENCH_INSIGHTS=1        0: skip the national dashboard benchmark (bench/insights.sh, goal 1; SCALE=1: ~25 minutes)
#   BENCH_COMMUNITY=1       0: skip the community benchmark (bench/community.sh: field-app sync, adoption dashboard)
#   BENCH_ECONOMY=1         0: skip the commune shop benchmark (bench/economy.sh: product page ÷ static, orders ÷ pgbench)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

DURATION=${BENCH_DURATION:-20}
WARMUP=${BENCH_WARMUP:-5}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-"16 64"}
PG_DURATION=${BENCH_PG_DURATION:-10}
PG_CLIENTS=${BENCH_PG_CLIENTS:-16}
REBUILD=${BENCH_REBUILD:-0}

BENCH_TAG=bench
. bench/lib.sh

use_jdk

# ---------------------------------------------------------------- OS tools
ensure_packages wrk:wrk pgbench:postgresql-client psql:postgresql-client curl:curl jq:jq

# ---------------------------------------------------------------- jar
find_jar

# ---------------------------------------------------------------- run folders, ports, clean-up
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$ROOT/bench/results/$STAMP"
mkdir -p "$OUT"
DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/xaso-bench.XXXXXX")
APP_PID=""

APP_PORT=$(free_port) || die "no free port"
DB_PORT=$(free_port "$APP_PORT") || die "no free port"
BASE="http://127.0.0.1:$APP_PORT"

stop_app() {
  stop_app_and_db
  APP_PID=""
}
cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  stop_app
  rm -rf "$DATA_DIR" "$OUT/.times"
  [ $rc -ne 0 ] && log "failed (exit $rc); raw outputs in $OUT"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- machine
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo '?') $(git status --porcelain 2>/dev/null | grep -q . && echo '(dirty)')"
  echo "jar: $jar"
  echo "nproc: $(nproc)"
  echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "kernel: $(uname -r)"
  echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "wrk: $(wrk -v 2>&1 | head -1)"
  echo "pgbench: $(pgbench --version)"
  echo "settings: duration=${DURATION}s warmup=${WARMUP}s threads=$THREADS connections=[$CONNECTIONS] pg_duration=${PG_DURATION}s pg_clients=$PG_CLIENTS"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

# ---------------------------------------------------------------- RSS helpers
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
pss_kb() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
# Writes one line per process and a total; prints "rss_kb pss_kb count" of the postgres group.
memory_snapshot() {
  local label=$1 pm pids pid r p tr=0 tp=0 n=0
  {
    echo "== $label"
    echo "java pid $APP_PID: VmRSS $(rss_kb "$APP_PID") kB, VmHWM $(awk '/^VmHWM:/ {print $2}' "/proc/$APP_PID/status") kB, Pss $(pss_kb "$APP_PID") kB"
    pm=$(postmaster_pid)
    pids="$pm $(children_of "$pm")"
    for pid in $pids; do
      r=$(rss_kb "$pid"); p=$(pss_kb "$pid")
      [ -n "$r" ] || continue
      tr=$((tr + r)); tp=$((tp + p)); n=$((n + 1))
      echo "postgres pid $pid ($(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | cut -c1-60)): VmRSS $r kB, Pss $p kB"
    done
    echo "postgres total: $n processes, VmRSS sum $tr kB (counts shared buffers once per process), Pss sum $tp kB"
  } >> "$OUT/memory.txt"
  echo "$(rss_kb "$APP_PID") $(pss_kb "$APP_PID") $tr $tp $n"
}

# ---------------------------------------------------------------- CPU accounting
# The machine may be shared. Per measured run: the CPU share of the app (java + its PostgreSQL), of the load generator
# (this script's children: wrk) and of everything else ("other"): cpu_snapshot / cpu_shares of bench/lib.sh.
other_load "before start"

# ---------------------------------------------------------------- start-up to healthy (goal 6: bench/startup.sh)
# Fresh and restart, with the start-up cache and with the plain jar, before the instance measured below.
if [ "${BENCH_STARTUP:-1}" = 1 ]; then
  log "Start-up to healthy (bench/startup.sh) ..."
  BENCH_OUT="$OUT/startup" "$ROOT/bench/startup.sh" || die "the start-up benchmark failed (see $OUT/startup)"
fi

# ---------------------------------------------------------------- start the app
log "Starting $jar on port $APP_PORT (embedded PostgreSQL on $DB_PORT, data in $DATA_DIR) ..."
t0=$(date +%s%N)
"$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC -jar "$jar" serve \
  --server.port="$APP_PORT" --xaso.data-dir="$DATA_DIR" --xaso.db.embedded-port="$DB_PORT" --xaso.demo.load=true \
  > "$OUT/app.log" 2>&1 &
APP_PID=$!

elapsed() { awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN {printf "%.2f", (b - a) / 1e9}'; }
healthy=""; ready=""
for i in $(seq 1 1800); do   # 180 s at most
  kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$OUT/app.log" >&2; die "the app exited during start-up (see $OUT/app.log)"; }
  if [ -z "$healthy" ] && curl -fsS -m 1 "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
    healthy=$(elapsed)
    log "healthy after ${healthy}s"
  fi
  if [ -n "$healthy" ]; then
    code=$(curl -s -o /dev/null -w '%{http_code}' -m 2 "$BASE/x/14701" || true)
    if [ "$code" = 200 ]; then ready=$(elapsed); log "commune page 200 after ${ready}s"; break; fi
    echo "$(elapsed)s GET /x/14701 -> $code" >> "$OUT/startup-probe.txt"
  fi
  sleep 0.1
done
[ -n "$healthy" ] || die "not healthy after 180 s (see $OUT/app.log)"
[ -n "$ready" ] || die "/x/14701 never answered 200 (see $OUT/app.log)"
started_line=$(grep -o 'Started XasoApplication in [0-9.]* seconds[^)]*)' "$OUT/app.log" | head -1 || true)
{
  echo "start_to_healthy_s: $healthy"
  echo "start_to_commune_page_200_s: $ready"
  echo "spring: ${started_line:-?}"
} > "$OUT/startup.txt"
idle_mem=$(memory_snapshot "idle, just after start-up")

# ---------------------------------------------------------------- endpoints
# name|path
ENDPOINTS=(
  "static asset (reference)|/assets/xaso.css"
  "commune home page|/x/14701"
  "units search q=yen mo|/api/v1/units?q=yen%20mo"
  "communes of province 37|/api/v1/units?level=commune&parent=37&size=50"
)
slug() { echo "$1" | tr -c 'a-zA-Z0-9\n' '-' | tr -s '-' | sed 's/-$//'; }

log "Checking each endpoint once ..."
for e in "${ENDPOINTS[@]}"; do
  name=${e%%|*}; path=${e#*|}
  curl -sS -D "$OUT/check-$(slug "$name").headers" -o "$OUT/check-$(slug "$name").body" \
    -w "%{http_code} %{size_download} bytes %{time_total}s $path\n" "$BASE$path" >> "$OUT/checks.txt"
done
cat "$OUT/checks.txt" >&2
awk '$1 != 200 {bad = 1} END {exit bad}' "$OUT/checks.txt" || die "an endpoint did not answer 200 (see $OUT/checks.txt)"
search_total=$(jq -r '.total' "$OUT/check-units-search-q-yen-mo.body")
parent_total=$(jq -r '.total' "$OUT/check-communes-of-province-37.body")
log "search 'yen mo' total=$search_total; communes of 37 total=$parent_total"

app_alive() { # the app must still be running: a stop from outside shows up here, not as odd figures
  kill -0 "$APP_PID" 2>/dev/null && return 0
  grep -m1 'Commencing graceful shutdown' "$OUT/app.log" >&2 || true
  APP_PID=""
  die "the app process exited during: $1 (not stopped by this script; see $OUT/app.log)"
}
run_wrk() { # name path conns seconds outfile
  wrk -t"$THREADS" -c"$3" -d"$4"s --timeout 10s --latency -s "$ROOT/bench/report.lua" "$BASE$2" > "$5" 2>&1 \
    || { cat "$5" >&2; die "wrk failed for $2"; }
  app_alive "wrk $3 connections GET $2"
}

log "Warm-up: ${WARMUP}s per endpoint at 16 connections ..."
for e in "${ENDPOINTS[@]}"; do
  name=${e%%|*}; path=${e#*|}
  run_wrk "$name" "$path" 16 "$WARMUP" "$OUT/warmup-$(slug "$name").txt"
done

echo -e "name\tpath\tconnections\treq_per_s\tp50_ms\tp90_ms\tp99_ms\tmax_ms\terrors\tnon2xx\tcpu_app_pct\tcpu_wrk_pct\tcpu_other_pct" > "$OUT/wrk.tsv"
for c in $CONNECTIONS; do
  for e in "${ENDPOINTS[@]}"; do
    name=${e%%|*}; path=${e#*|}
    f="$OUT/wrk-$(slug "$name")-c$c.txt"
    log "wrk ${DURATION}s, $THREADS threads, $c connections: GET $path"
    cpu_snapshot; s0=("$CPU_WALL" "$CPU_TOTAL" "$CPU_APP" "$CPU_GEN")
    run_wrk "$name" "$path" "$c" "$DURATION" "$f"
    cpu_snapshot
    read -r cpu_app cpu_gen cpu_other <<< "$(cpu_shares "${s0[@]}")"
    line=$(grep '^BENCH ' "$f") || die "no BENCH line in $f"
    eval "$(echo "${line#BENCH }" | tr ' ' '\n' | sed 's/^/local_/')"
    # shellcheck disable=SC2154
    awk -v n="$name" -v p="$path" -v c="$c" -v r="$local_requests" -v d="$local_duration_us" \
        -v p50="$local_p50_us" -v p90="$local_p90_us" -v p99="$local_p99_us" -v mx="$local_max_us" \
        -v err="$((local_err_connect + local_err_read + local_err_write + local_err_timeout))" -v st="$local_err_status" \
        -v ca="$cpu_app" -v cg="$cpu_gen" -v co="$cpu_other" \
        'BEGIN {printf "%s\t%s\t%s\t%.1f\t%.2f\t%.2f\t%.2f\t%.2f\t%d\t%d\t%s\t%s\t%s\n", n, p, c, r / (d / 1e6), p50 / 1e3, p90 / 1e3, p99 / 1e3, mx / 1e3, err, st, ca, cg, co}' \
        >> "$OUT/wrk.tsv"
  done
done

# ---------------------------------------------------------------- heap and RSS after load
log "Heap and RSS after load ..."
"$JAVA_HOME/bin/jcmd" "$APP_PID" GC.heap_info > "$OUT/heap_info.txt" 2>&1 || true
"$JAVA_HOME/bin/jstat" -gc "$APP_PID" > "$OUT/jstat-gc.txt" 2>&1 || true
load_mem=$(memory_snapshot "after the wrk load")
# A class histogram forces a full GC: its total is the live heap; it also counts HTTP sessions.
"$JAVA_HOME/bin/jcmd" "$APP_PID" GC.class_histogram > "$OUT/class_histogram.txt" 2>&1 || true
live_heap_kb=$(awk '$1 == "Total" {printf "%d", $3 / 1024}' "$OUT/class_histogram.txt")
sessions=$(awk '$4 == "org.apache.catalina.session.StandardSession" {print $2}' "$OUT/class_histogram.txt")
other_load "after the wrk load"
# SerialGC prints "DefNew total X, used Y" and "Tenured total X, used Y" (older JDKs: "def new generation", "tenured generation")
heap_kb() { # total|used
  awk -v what="$1" '!/space|Metaspace/ && match($0, what " [0-9]+K") {s += substr($0, RSTART + length(what) + 1, RLENGTH - length(what) - 2)} END {print s + 0}' "$OUT/heap_info.txt"
}
heap_used_kb=$(heap_kb used); heap_total_kb=$(heap_kb total)
gc_line=$(awk 'NR == 1 {for (i = 1; i <= NF; i++) col[$i] = i; next}
  NR == 2 {printf "young GCs %s (%.2f s), full GCs %s (%.2f s)", $col["YGC"], $col["YGCT"], $col["FGC"], $col["FGCT"]}' "$OUT/jstat-gc.txt" 2>/dev/null || true)

# ---------------------------------------------------------------- pgbench reference
# The same SQL the app sends for each API call (UnitDirectory.unitItems), as the superuser on the
# embedded database. The app then sorts in Java (Vietnamese order) and serialises JSON.
cat > "$OUT/pgbench-search.sql" <<'SQL'
select code, name, short_name, type, level, parent_code, province_code from admin_unit where true and search like '%' || xaso_fold('yen mo') || '%';
SQL
cat > "$OUT/pgbench-parent.sql" <<'SQL'
select code, name, short_name, type, level, parent_code, province_code from admin_unit where true and level = 'commune' and parent_code = '37';
SQL
psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres -X -v ON_ERROR_STOP=1 > "$OUT/explain.txt" 2>&1 <<SQL || die "psql failed (see $OUT/explain.txt)"
select version();
select count(*) as rows_matching_yen_mo from admin_unit where search like '%' || xaso_fold('yen mo') || '%';
explain (analyze, buffers) $(cat "$OUT/pgbench-search.sql")
explain (analyze, buffers) $(cat "$OUT/pgbench-parent.sql")
SQL

echo -e "name\tclients\ttps\tlatency_ms" > "$OUT/pgbench.tsv"
for s in search parent; do
  f="$OUT/pgbench-$s.txt"
  log "pgbench ${PG_DURATION}s, $PG_CLIENTS clients, 2 threads: pgbench-$s.sql"
  pgbench -h 127.0.0.1 -p "$DB_PORT" -U postgres -n -M prepared -c "$PG_CLIENTS" -j 2 -T "$PG_DURATION" \
    -f "$OUT/pgbench-$s.sql" postgres > "$f" 2>&1 || { cat "$f" >&2; die "pgbench failed"; }
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$f" | tail -1)
  lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$f")
  echo -e "$s\t$PG_CLIENTS\t$tps\t$lat" >> "$OUT/pgbench.tsv"
done

# ---------------------------------------------------------------- errors in the app log
grep -cE ' (ERROR|WARN) ' "$OUT/app.log" > "$OUT/app-log-warn-error-count.txt" || true

# ---------------------------------------------------------------- summary
pg_search=$(awk -F'\t' '$1 == "search" {print $3}' "$OUT/pgbench.tsv")
pg_parent=$(awk -F'\t' '$1 == "parent" {print $3}' "$OUT/pgbench.tsv")
read -r idle_jr idle_jp idle_pr idle_pp idle_pn <<< "$idle_mem"
read -r load_jr load_jp load_pr load_pp load_pn <<< "$load_mem"

{
  echo "## XaSo benchmark $STAMP"
  echo
  echo "$(grep -E '^(nproc|cpu|memory|java):' "$OUT/machine.txt" | tr '\n' ';' | sed 's/;$//; s/;/; /g')"
  echo
  echo "wrk: ${DURATION}s per run, $THREADS threads, after ${WARMUP}s warm-up per endpoint; app, PostgreSQL and wrk share the machine."
  echo
  echo "| endpoint | conns | req/s | p50 ms | p99 ms | errors / non-2xx | × static | × pgbench | CPU app / wrk / other % |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' -v pgs="$pg_search" -v pgp="$pg_parent" '
    NR == 1 {next}
    {rows[NR] = $0; if ($2 == "/assets/xaso.css") ref[$3] = $4}
    END {
      for (i = 2; i <= NR; i++) {
        split(rows[i], f, "\t")
        pg = "–"
        if (f[2] ~ /q=/ && pgs > 0) pg = sprintf("%.3f", f[4] / pgs)
        if (f[2] ~ /parent=/ && pgp > 0) pg = sprintf("%.3f", f[4] / pgp)
        printf "| %s `%s` | %s | %.0f | %.2f | %.2f | %s / %s | %.3f | %s | %s / %s / %s |\n", f[1], f[2], f[3], f[4], f[5], f[7], f[9], f[10], f[4] / ref[f[3]], pg, f[11], f[12], f[13]
      }
    }' "$OUT/wrk.tsv"
  echo
  echo "CPU columns: share of the machine's $NCPU cores during the run used by the app (java + its PostgreSQL), by wrk, and by any other process on the machine (should be ~0; if not, the run was disturbed)."
  echo
  echo "pgbench reference ($PG_CLIENTS clients, 2 threads, -M prepared, ${PG_DURATION}s, same SQL as the API):"
  echo
  echo "| query | tps | avg latency ms |"
  echo "|---|---:|---:|"
  awk -F'\t' 'NR > 1 {printf "| %s | %.0f | %.3f |\n", ($1 == "search" ? "search like xaso_fold(\x27yen mo\x27) (" "'"$search_total"'" " rows)" : "level=commune and parent_code=37 (" "'"$parent_total"'" " rows)"), $3, $4}' "$OUT/pgbench.tsv"
  echo
  echo "Start-up of this instance (plain jar, fresh data folder: initdb, migrations, unit import, demo data): healthy at ${healthy} s; commune page 200 at ${ready} s. ${started_line}"
  if [ -f "$OUT/startup/summary.md" ]; then echo; sed 's/^### /#### /' "$OUT/startup/summary.md"; fi
  echo
  echo "| memory | idle after start | after wrk load |"
  echo "|---|---:|---:|"
  echo "| java RSS / PSS (MiB) | $((idle_jr / 1024)) / $((idle_jp / 1024)) | $((load_jr / 1024)) / $((load_jp / 1024)) |"
  echo "| postgres ($load_pn processes) RSS sum / PSS sum (MiB) | $((idle_pr / 1024)) / $((idle_pp / 1024)) | $((load_pr / 1024)) / $((load_pp / 1024)) |"
  echo
  echo "Java heap after load (jcmd GC.heap_info): used $((heap_used_kb / 1024)) MiB of $((heap_total_kb / 1024)) MiB committed (-Xmx512m); $gc_line. Live heap after a full GC (GC.class_histogram): $((${live_heap_kb:-0} / 1024)) MiB, holding ${sessions:-0} HTTP sessions (org.apache.catalina.session.StandardSession)."
  echo
  echo "Raw outputs: bench/results/$STAMP/"
} > "$OUT/summary.md"
cat "$OUT/summary.md"

# ---------------------------------------------------------------- document search (a second instance)
if [ "${BENCH_DOCUMENTS:-1}" = 1 ]; then
  stop_app
  log "Document search benchmark (bench/documents-search.sh, its own fresh instance) ..."
  BENCH_OUT="$OUT/documents" BENCH_REBUILD=0 "$ROOT/bench/documents-search.sh"
fi

# ---------------------------------------------------------------- released PDF size and speech speed (issue 15)
if [ "${BENCH_PDF:-1}" = 1 ]; then
  stop_app
  log "Released document size (bench/document-pdf-size.sh) ..."
  "$ROOT/bench/document-pdf-size.sh" | tee "$OUT/document-pdf-size.txt"
fi
if [ "${BENCH_SPEECH:-1}" = 1 ]; then
  stop_app
  log "Speech speed (bench/speech.sh) ..."
  "$ROOT/bench/speech.sh" | tee "$OUT/speech.txt"
fi
if [ "${BENCH_DOSSIERS_SUBMIT:-1}" = 1 ]; then
  stop_app
  log "Dossier submission (bench/dossiers-submit.sh, its own fresh instance) ..."
  BENCH_OUT="$OUT/dossiers" BENCH_REBUILD=0 "$ROOT/bench/dossiers-submit.sh"
fi
if [ "${BENCH_INSIGHTS:-1}" = 1 ]; then
  stop_app
  log "National dashboard and rankings (bench/insights.sh, its own fresh instance) ..."
  BENCH_OUT="$OUT/insights" BENCH_REBUILD=0 "$ROOT/bench/insights.sh"
fi
if [ "${BENCH_COMMUNITY:-1}" = 1 ]; then
  stop_app
  log "Community benchmark (bench/community.sh, its own fresh instance) ..."
  BENCH_OUT="$OUT/community" BENCH_REBUILD=0 "$ROOT/bench/community.sh"
fi
if [ "${BENCH_ECONOMY:-1}" = 1 ]; then
  stop_app
  log "Commune shop benchmark (bench/economy.sh, its own fresh instance) ..."
  BENCH_OUT="$OUT/economy" BENCH_REBUILD=0 "$ROOT/bench/economy.sh"
fi
