#!/usr/bin/env bash
# Dossiers benchmark (see docs/performance.md, "Issue 15, goal 2"). Starts one instance from the jar on a fresh data
# folder with the demo (durable storage: fsync on, the production default), then:
#  1. submission over HTTP: wrk POSTs a complete birth-registration dossier (JSON, two PDFs) to /api/v1/dossiers as the
#     Yên Mô one-stop officer (the counter path: submitted and received at once; the demo's citizen sign-in codes stay
#     inside the JVM, so a citizen session cannot be opened from a script), BENCH_SUBMIT_CONNECTIONS (8) connections,
#     req/s and p99; then checks that the numbers have no duplicate or gap;
#  2. in the same run, on the same PostgreSQL: pgbench TPC-B (the built-in script, scale BENCH_TPCB_SCALE, its own
#     database `tpcb`), and a pgbench replay of the SQL one submission sends (bench/dossiers-submit-replay.sql: the
#     numbering statement, the audit chain, the metric outbox and the counters' transaction), as the application role
#     under row-level security; prints the ratios against the goals of issue 15 (≥ 0.1× TPC-B, ≥ 0.6× the replay,
#     p99 ≤ 50 ms), marked DISTURBED when other processes used more than 10 % of the CPU (bench/lib.sh);
#  3. (BENCH_QUEUES=1) the officer queue with BENCH_DOSSIERS (default 1,000,000) dossiers in the province of Ninh Bình:
#     the LATE and NEW queue queries of DossierService.search, run by pgbench as the application role under row-level
#     security for Xã Yên Mô, with EXPLAIN ANALYZE kept.
# Raw outputs go to bench/results/<timestamp>-dossiers/. Settings: BENCH_DURATION (20), BENCH_WARMUP (5),
# BENCH_SUBMIT_CONNECTIONS (8), BENCH_PG_DURATION (10), BENCH_SUBMIT_PG_CLIENTS (8), BENCH_TPCB_SCALE (8),
# BENCH_QUEUES (1), BENCH_DOSSIERS (1000000), BENCH_REBUILD (0), BENCH_JFR (0; 1: a JFR profile of the measured wrk
# run in submit.jfr, summed up by bench/JfrTop.java in jfr-top.txt and, request threads only, jfr-top-requests.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${BENCH_DURATION:-20}
WARMUP=${BENCH_WARMUP:-5}
CONNECTIONS=${BENCH_SUBMIT_CONNECTIONS:-8}
PG_DURATION=${BENCH_PG_DURATION:-10}
PG_CLIENTS=${BENCH_SUBMIT_PG_CLIENTS:-8}
TPCB_SCALE=${BENCH_TPCB_SCALE:-8}
QUEUES=${BENCH_QUEUES:-1}
DOSSIERS=${BENCH_DOSSIERS:-1000000}
REBUILD=${BENCH_REBUILD:-0}
JFR=${BENCH_JFR:-0}

BENCH_TAG=bench-dossiers
. bench/lib.sh

use_jdk
need_tools wrk pgbench psql curl jq base64
find_jar
quiet_check 5
QUIET_BEFORE=$QUIET_NOTE; QUIET_BEFORE_STATUS=$QUIET_STATUS

bench_run_folders dossiers
cleanup() { bench_cleanup $?; }
trap cleanup EXIT
trap 'exit 130' INT TERM

machine_txt "settings: duration=${DURATION}s warmup=${WARMUP}s connections=$CONNECTIONS pg_duration=${PG_DURATION}s pg_clients=$PG_CLIENTS tpcb_scale=$TPCB_SCALE queues=$QUEUES dossiers=$DOSSIERS"
cat "$OUT/machine.txt" >&2
other_load "before start"

[ "$JFR" = 1 ] && BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -XX:FlightRecorderOptions:stackdepth=256" # Spring's filter chains are deep
start_app
PSQL=(psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres -X -v ON_ERROR_STOP=1 -q)
APP_ROLE=$("${PSQL[@]}" -Atc "select rolname from pg_roles where rolcanlogin and not rolsuper and rolname !~ '^pg_' order by rolname limit 1")
[ -n "$APP_ROLE" ] || die "no application role found"
"${PSQL[@]}" -Atc "select 'fsync=' || current_setting('fsync') || ' synchronous_commit=' || current_setting('synchronous_commit')" >> "$OUT/machine.txt"

# ---------------------------------------------------------------- 1. submission over HTTP
sign_in yenmo.motcua
CSRF=$(csrf_token)
[ -n "$CSRF" ] || die "no CSRF token for yenmo.motcua"
# a small real PDF (one page) as both papers
PDF_B64=$(printf '%%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF\n' | base64 -w0)
cat > "$OUT/body.json" <<JSON
{"unitCode": "14701", "procedureCode": "1.001193", "channel": "COUNTER",
 "applicant": {"name": "Trần Thị Hoa", "cccd": "037190001234", "phone": "0988000001", "address": "Thôn Bình Hải, xã Yên Mô"},
 "form": {"requesterRelation": "Mẹ", "childName": "Phạm Minh An", "childBirthDate": "2026-11-10", "childSex": "Nam",
          "childBirthPlace": "Trạm y tế xã Yên Mô", "childEthnicity": "Kinh", "childNationality": "Việt Nam",
          "motherName": "Trần Thị Hoa", "pledge": "true"},
 "files": [{"name": "to-khai.pdf", "contentBase64": "$PDF_B64"}, {"name": "giay-chung-sinh.pdf", "contentBase64": "$PDF_B64"}]}
JSON
check=$(curl -sS -o "$OUT/first-submit.json" -w '%{http_code}' -H "Cookie: $COOKIE" -H "X-CSRF-TOKEN: $CSRF" -H 'Content-Type: application/json' \
  --data-binary @"$OUT/body.json" "$BASE/api/v1/dossiers")
[ "$check" = 201 ] || { cat "$OUT/first-submit.json" >&2; die "a single submission failed ($check)"; }
submit_wrk() { # seconds outfile [--latency]
  XASO_COOKIE="$COOKIE" XASO_CSRF="$CSRF" XASO_BODY="$OUT/body.json" wrk -t2 -c"$CONNECTIONS" -d"$1s" --timeout 10s ${3:-} \
    -s bench/dossiers-submit.lua "$BASE" > "$2" 2>&1 || { cat "$2" >&2; die "wrk failed"; }
  kill -0 "$APP_PID" 2>/dev/null || { APP_PID=""; die "the app exited during wrk"; }
}
log "Submission over HTTP: wrk -c$CONNECTIONS, ${WARMUP}s warm-up then ${DURATION}s ..."
submit_wrk "$WARMUP" "$OUT/wrk-submit-warmup.txt"
xacts() { "${PSQL[@]}" -Atc "select xact_commit + xact_rollback from pg_stat_database where datname = 'postgres'"; }
x0=$(xacts)
if [ "$JFR" = 1 ]; then # a profile of the measured run (issue 15: profile before changing; bench/JfrTop.java reads it)
  "$JAVA_HOME/bin/jcmd" "$APP_PID" JFR.start name=submit settings=profile filename="$OUT/submit.jfr" > "$OUT/jfr-start.txt" 2>&1 \
    || { cat "$OUT/jfr-start.txt" >&2; die "JFR.start failed"; }
fi
jvm_threads_cpu "$OUT/threads-before.txt"
cpu_snapshot; s0=("$CPU_WALL" "$CPU_TOTAL" "$CPU_APP" "$CPU_GEN"); java0=$CPU_JAVA; app0=$CPU_APP
submit_wrk "$DURATION" "$OUT/wrk-submit.txt" --latency
cpu_snapshot; read -r http_ca http_cg http_co <<< "$(cpu_shares "${s0[@]}")"
jvm_threads_cpu "$OUT/threads-after.txt"
java_jiffies=$(( CPU_JAVA - java0 )); pg_jiffies=$(( CPU_APP - app0 - (CPU_JAVA - java0) ))
if [ "$JFR" = 1 ]; then
  "$JAVA_HOME/bin/jcmd" "$APP_PID" JFR.stop name=submit > "$OUT/jfr-stop.txt" 2>&1 || { cat "$OUT/jfr-stop.txt" >&2; die "JFR.stop failed"; }
  "$JAVA_HOME/bin/java" bench/JfrTop.java "$OUT/submit.jfr" '.*' 30 > "$OUT/jfr-top.txt" 2>&1 || log "JfrTop failed (see $OUT/jfr-top.txt)"
  "$JAVA_HOME/bin/java" bench/JfrTop.java "$OUT/submit.jfr" 'http-nio' 30 > "$OUT/jfr-top-requests.txt" 2>&1 || true
fi
sleep 2 # the counters' transactions of the last submissions (after their commit)
x1=$(xacts)
http_line=$(grep '^tps=' "$OUT/wrk-submit.txt") || die "no result line in $OUT/wrk-submit.txt"
http_tps=$(sed -n 's/^tps=\([0-9.]*\).*/\1/p' <<< "$http_line")
http_p99=$(sed -n 's/.* p99_ms=\([0-9.]*\).*/\1/p' <<< "$http_line")
http_errors=$(sed -n 's/.* errors_status=\([0-9]*\).*/\1/p' <<< "$http_line")
http_requests=$(sed -n 's/.* requests=\([0-9]*\).*/\1/p' <<< "$http_line")
# CPU milliseconds per submission (what a shared machine does not change much, unlike req/s): the JVM, its PostgreSQL
per_submission() { awk -v j="$1" -v n="$http_requests" -v hz="$CLK_TCK" 'BEGIN {if (n > 0) printf "%.1f", 1000 * j / hz / n; else print "–"}'; }
java_ms=$(per_submission "$java_jiffies"); pg_ms=$(per_submission "$pg_jiffies")
java_threads=$(jvm_threads_cpu_per "$OUT/threads-before.txt" "$OUT/threads-after.txt" "$http_requests")
# PostgreSQL transactions per submission, everything included (the request's, the counters', the outbox's, the session's)
xacts_per=$(awk -v a="$x0" -v b="$x1" -v n="$http_requests" 'BEGIN {if (n > 0) printf "%.1f", (b - a) / n; else print "–"}')
# Numbers of the day: as many distinct codes as dossiers, and 1..n without a gap.
numbered=$("${PSQL[@]}" -Atc "select count(*) || ' dossiers, ' || count(distinct code) || ' distinct codes, numbers ' || min(n) || '..' || max(n)
  || case when max(n) - min(n) + 1 = count(*) and count(*) = count(distinct code) then ' (no gap, no duplicate)' else ' (GAP OR DUPLICATE)' end
  from (select code, split_part(code, '-', 3)::int as n from dossier where unit_code = '14701' and code like '%-' || to_char(now() at time zone 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-%') d")

# ---------------------------------------------------------------- 2. references on the same PostgreSQL, same run
PGB=(pgbench -h 127.0.0.1 -p "$DB_PORT" -n -M prepared -c "$PG_CLIENTS" -j 2 -T "$PG_DURATION")
tps_of() { sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$1" | head -1; }
log "pgbench TPC-B (scale $TPCB_SCALE, database tpcb) ..."
"${PSQL[@]}" -c "drop database if exists tpcb" -c "create database tpcb"
pgbench -h 127.0.0.1 -p "$DB_PORT" -U postgres -i -q -s "$TPCB_SCALE" tpcb > "$OUT/pgbench-tpcb-init.txt" 2>&1 || { cat "$OUT/pgbench-tpcb-init.txt" >&2; die "pgbench -i failed"; }
cpu_snapshot; s0=("$CPU_WALL" "$CPU_TOTAL" "$CPU_APP" "$CPU_GEN")
"${PGB[@]}" -U postgres tpcb > "$OUT/pgbench-tpcb.txt" 2>&1 || { cat "$OUT/pgbench-tpcb.txt" >&2; die "pgbench TPC-B failed"; }
cpu_snapshot; read -r tpcb_ca tpcb_cg tpcb_co <<< "$(cpu_shares "${s0[@]}")"
tpcb_tps=$(tps_of "$OUT/pgbench-tpcb.txt")

log "pgbench replay of one submission's SQL (bench/dossiers-submit-replay.sql) as $APP_ROLE ..."
cp bench/dossiers-submit-replay.sql "$OUT/pg-submit-replay.sql"
cpu_snapshot; s0=("$CPU_WALL" "$CPU_TOTAL" "$CPU_APP" "$CPU_GEN")
"${PGB[@]}" -U "$APP_ROLE" -f "$OUT/pg-submit-replay.sql" postgres > "$OUT/pgbench-replay.txt" 2>&1 \
  || { cat "$OUT/pgbench-replay.txt" >&2; die "pgbench replay failed"; }
cpu_snapshot; read -r replay_ca replay_cg replay_co <<< "$(cpu_shares "${s0[@]}")"
replay_tps=$(tps_of "$OUT/pgbench-replay.txt")
replay_ms=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$OUT/pgbench-replay.txt")
other_load "after the submission measurements"
OTHER_MAX=$(printf '%s\n' "$http_co" "$tpcb_co" "$replay_co" | sort -n | tail -1)


# ---------------------------------------------------------------- summary
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.3f", a / b; else print "–"}'; }
disturbed=""
if [ "$QUIET_BEFORE_STATUS" = DISTURBED ] || [ "${OTHER_MAX:-0}" -gt "$QUIET_MAX_OTHER" ]; then
  disturbed=" — **DISTURBED** (other processes above $QUIET_MAX_OTHER % of the CPU: up to ${OTHER_MAX} % during a measurement; $QUIET_BEFORE): not a figure of the machine"
fi
verdict() { if awk -v v="$1" -v g="$2" -v op="$3" 'BEGIN {exit !(op == ">=" ? v >= g : v <= g)}'; then echo meets; else echo '**below**'; fi; }
r_tpcb=$(ratio "$http_tps" "$tpcb_tps"); r_replay=$(ratio "$http_tps" "$replay_tps")
{
  echo "### Dossier submission, issue 15 goal 2 ($(date -u +%Y-%m-%d\ %H:%M) UTC, commit $(git rev-parse --short HEAD), $(nproc) cores, $(sed -n 's/^fsync=/fsync=/p' "$OUT/machine.txt"))"
  echo
  echo "Command: \`BENCH_DURATION=$DURATION BENCH_PG_DURATION=$PG_DURATION BENCH_TPCB_SCALE=$TPCB_SCALE bench/dossiers-submit.sh\`; raw outputs bench/results/$(basename "$OUT")/."
  echo
  echo "| measurement | result | CPU app / load generator / other % |"
  echo "|---|---|---:|"
  echo "| submission over HTTP (counter API, 2 PDFs, wrk -c$CONNECTIONS, ${DURATION}s) | $http_line | $http_ca / $http_cg / $http_co |"
  echo "| CPU per submission during the run: java / its PostgreSQL$([ "$JFR" = 1 ] && echo ' (with JFR recording)') | $java_ms ms / $pg_ms ms | |"
  echo "| the JVM's CPU per submission by thread (request threads, JIT compilers, GC, listeners) | $java_threads | |"
  echo "| numbers of the day after the run | $numbered | |"
  echo "| PostgreSQL transactions per submission (pg_stat_database, all sessions, during the run) | $xacts_per | |"
  echo "| pgbench TPC-B, scale $TPCB_SCALE, -c$PG_CLIENTS -M prepared, ${PG_DURATION}s, same PostgreSQL | $tpcb_tps tps | $tpcb_ca / $tpcb_cg / $tpcb_co |"
  echo "| pgbench replay of one submission's SQL as $APP_ROLE under RLS, -c$PG_CLIENTS -M prepared, ${PG_DURATION}s | $replay_tps tps, $replay_ms ms average | $replay_ca / $replay_cg / $replay_co |"
  echo
  echo "Quiet check: $QUIET_BEFORE."
  echo
  echo "Goal 2 (issue 15): submissions at $CONNECTIONS connections $http_tps/s = ${r_tpcb}× pgbench TPC-B (goal ≥ 0.1×) → $(verdict "$r_tpcb" 0.1 '>=')$disturbed."
  echo "Goal 2 (issue 15): submissions = ${r_replay}× the replay of their own SQL (goal ≥ 0.6×) → $(verdict "$r_replay" 0.6 '>=')$disturbed."
  echo "Goal 2 (issue 15): p99 at $CONNECTIONS connections ${http_p99} ms (goal ≤ 50 ms) → $(verdict "$http_p99" 50 '<=')$disturbed."
  echo "Goal 2 (issue 15): numbers without gap or duplicate after the run: $numbered; non-2xx answers: ${http_errors:-?}."
} > "$OUT/summary.md"
# ---------------------------------------------------------------- 3. queue with many dossiers
if [ "$QUEUES" = 1 ]; then
log "Generating $DOSSIERS dossiers over the communes of Ninh Bình ..."
t0=$(date +%s)
"${PSQL[@]}" -v n="$DOSSIERS" -f bench/dossiers-generate.sql > "$OUT/generate.txt" 2>&1 || { cat "$OUT/generate.txt" >&2; die "generation failed"; }
gen_s=$(( $(date +%s) - t0 ))
"${PSQL[@]}" -Atc "select count(*) || ' dossiers in ' || count(distinct unit_code) || ' communes; Yên Mô: ' || count(*) filter (where unit_code = '14701') from dossier" > "$OUT/dataset.txt"
for q in late new; do
  if [ $q = late ]; then
    where="unit_code = '14701' and state <> 'draft' and state in ('received', 'processing', 'awaiting_approval') and due_date < current_date order by due_date, id"
  else
    where="unit_code = '14701' and state <> 'draft' and state = 'submitted' order by submitted_at, id"
  fi
  cat > "$OUT/pg-queue-$q.sql" <<SQL
begin;
select set_config('app.units', '14701', true);
set local role $APP_ROLE;
select id, code, procedure_code, procedure_name, applicant_name, channel, state, submitted_at, due_date, assignee_name, workflow, result_at
  from dossier where $where limit 20 offset 0;
commit;
SQL
  "${PSQL[@]}" -c "set role $APP_ROLE; set app.units = '14701'; explain (analyze, buffers) select id from dossier where $where limit 20" > "$OUT/explain-$q.txt" 2>&1 || true
  PGPASSWORD= pgbench -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres -n -c "$PG_CLIENTS" -j 2 -T "$PG_DURATION" -f "$OUT/pg-queue-$q.sql" > "$OUT/pgbench-queue-$q.txt" 2>&1 \
    || { cat "$OUT/pgbench-queue-$q.txt" >&2; die "pgbench queue failed"; }
done
q_late=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/pgbench-queue-late.txt" | head -1)
q_late_ms=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$OUT/pgbench-queue-late.txt")
q_new=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/pgbench-queue-new.txt" | head -1)
q_new_ms=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$OUT/pgbench-queue-new.txt")
# the same queue through the API (session of the one-stop officer), 5 s each
wrk -t2 -c"$CONNECTIONS" -d10s -H "Cookie: $COOKIE" -H "Accept: application/json" "$BASE/api/v1/dossiers?queue=LATE" > "$OUT/wrk-queue-late.txt"
fi

if [ "$QUEUES" = 1 ]; then
  {
    echo
    echo "| officer queues | result |"
    echo "|---|---|"
    echo "| dataset for queues | $(cat "$OUT/dataset.txt"), generated in ${gen_s}s |"
    echo "| LATE queue query, pgbench under RLS (-c$PG_CLIENTS) | $q_late tps, $q_late_ms ms average |"
    echo "| NEW queue query, pgbench under RLS (-c$PG_CLIENTS) | $q_new tps, $q_new_ms ms average |"
    echo "| LATE queue over HTTP (wrk -c$CONNECTIONS, 10 s) | $(grep -E '^Requests/sec' "$OUT/wrk-queue-late.txt") |"
  } >> "$OUT/summary.md"
fi
cat "$OUT/summary.md"
