#!/usr/bin/env bash
# Dossiers benchmark (see docs/performance.md, "Dossiers"). Starts one instance from the jar on a fresh data
# folder with the demo, then:
#  1. submission throughput over HTTP: wrk POSTs a complete birth-registration dossier (JSON, two files) to
#     /api/v1/dossiers as the Yên Mô one-stop officer (the counter path: the online submission transaction plus
#     the receipt, so at least as heavy as a citizen's online submission; the demo's citizen sign-in codes stay
#     inside the JVM, so a citizen session cannot be opened from a script); compared with pgbench on the same
#     machine running the core SQL of a submission (sequence upsert, dossier insert, two file rows, event) as a
#     ratio;
#  2. the officer queue with BENCH_DOSSIERS (default 1,000,000) dossiers in the province of Ninh Bình: the LATE
#     and NEW queue queries of DossierService.search, run by pgbench as the application role under row-level
#     security for Xã Yên Mô, with EXPLAIN ANALYZE kept.
# Raw outputs go to bench/results/<timestamp>-dossiers/. Settings: BENCH_DURATION (20), BENCH_CONNECTIONS (8),
# BENCH_PG_DURATION (10), BENCH_PG_CLIENTS (8), BENCH_DOSSIERS (1000000), BENCH_REBUILD (0).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${BENCH_DURATION:-20}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
PG_DURATION=${BENCH_PG_DURATION:-10}
PG_CLIENTS=${BENCH_PG_CLIENTS:-8}
DOSSIERS=${BENCH_DOSSIERS:-1000000}
REBUILD=${BENCH_REBUILD:-0}

BENCH_TAG=bench-dossiers
. bench/lib.sh

use_jdk
need_tools wrk pgbench psql curl jq base64

find_jar

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=${BENCH_OUT:-"$ROOT/bench/results/$STAMP-dossiers"}
mkdir -p "$OUT"
DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/xaso-bench-dossiers.XXXXXX")
APP_PID=""
APP_PORT=$(free_port) || die "no free port"
DB_PORT=$(free_port "$APP_PORT") || die "no free port"
BASE="http://127.0.0.1:$APP_PORT"
cleanup() {
  local rc=$? i pm
  set +e; trap - EXIT INT TERM
  stop_app_and_db
  rm -rf "$DATA_DIR" "$OUT/cookies.txt"
  [ $rc -ne 0 ] && log "failed (exit $rc); raw outputs in $OUT"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "nproc: $(nproc); loadavg before: $(cat /proc/loadavg)"
  echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "settings: duration=${DURATION}s connections=$CONNECTIONS pg_duration=${PG_DURATION}s pg_clients=$PG_CLIENTS dossiers=$DOSSIERS"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

log "Starting $jar on port $APP_PORT (embedded PostgreSQL on $DB_PORT) ..."
"$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC -jar "$jar" serve \
  --server.port="$APP_PORT" --xaso.data-dir="$DATA_DIR" --xaso.db.embedded-port="$DB_PORT" --xaso.demo.load=true \
  > "$OUT/app.log" 2>&1 &
APP_PID=$!
for i in $(seq 1 1800); do
  kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$OUT/app.log" >&2; die "the app exited during start-up"; }
  curl -fsS -m 1 "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && break
  sleep 0.1
done
curl -fsS -m 1 "$BASE/actuator/health" | grep -q '"status":"UP"' || die "not healthy after 180 s"
log "healthy"
PSQL=(psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres -X -v ON_ERROR_STOP=1 -q)
APP_ROLE=$("${PSQL[@]}" -Atc "select rolname from pg_roles where rolcanlogin and not rolsuper and rolname !~ '^pg_' order by rolname limit 1")

# ---------------------------------------------------------------- 1. submission over HTTP
JAR_COOKIES="$OUT/cookies.txt"
csrf_of() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1; }
token=$(curl -fsS -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/signin" | csrf_of)
curl -fsS -o /dev/null -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode "username=yenmo.motcua" \
  --data-urlencode "password=XaSo-2026-demo" --data-urlencode "_csrf=$token" "$BASE/signin"
CSRF=$(curl -fsS -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/workspace" | csrf_of)
[ -n "$CSRF" ] || die "sign-in as yenmo.motcua failed"
COOKIE=$(awk '$6 == "JSESSIONID" {print "JSESSIONID=" $7}' "$JAR_COOKIES")
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
check=$(curl -sS -o "$OUT/first-submit.json" -w '%{http_code}' -b "$JAR_COOKIES" -H "X-CSRF-TOKEN: $CSRF" -H 'Content-Type: application/json' \
  --data-binary @"$OUT/body.json" "$BASE/api/v1/dossiers")
[ "$check" = 201 ] || { cat "$OUT/first-submit.json" >&2; die "a single submission failed ($check)"; }
log "Submission over HTTP: wrk -c$CONNECTIONS ${DURATION}s (warm-up 5 s) ..."
XASO_COOKIE="$COOKIE" XASO_CSRF="$CSRF" XASO_BODY="$OUT/body.json" wrk -t2 -c"$CONNECTIONS" -d5s -s bench/dossiers-submit.lua "$BASE" > /dev/null
XASO_COOKIE="$COOKIE" XASO_CSRF="$CSRF" XASO_BODY="$OUT/body.json" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency \
  -s bench/dossiers-submit.lua "$BASE" > "$OUT/wrk-submit.txt"
http_tps=$(sed -n 's/^tps=\([0-9.]*\).*/\1/p' "$OUT/wrk-submit.txt")
http_line=$(grep '^tps=' "$OUT/wrk-submit.txt")
numbered=$("${PSQL[@]}" -Atc "select count(*), count(distinct code) from dossier where unit_code = '14701'")

# pgbench reference: the SQL core of one submission, as the app role under RLS
"${PSQL[@]}" -c "create table if not exists bench_seq (unit_code text, day date, last_number int, primary key (unit_code, day)); grant all on bench_seq to $APP_ROLE;"
cat > "$OUT/pg-submit.sql" <<'SQL'
begin;
select set_config('app.units', '14701', true);
insert into bench_seq (unit_code, day, last_number) values ('14701', current_date, 1)
  on conflict (unit_code, day) do update set last_number = bench_seq.last_number + 1 returning last_number;
insert into dossier (unit_code, code, procedure_code, procedure_version_id, procedure_name, workflow, result_template, channel,
                     applicant_name, applicant_cccd, applicant_phone, applicant_address, form, state, submitted_at, received_at, due_date)
  values ('14701', 'PG-' || txid_current() || '-' || random(), '1.001193', 1, 'Thủ tục đăng ký khai sinh', 'same-day', 'birth-extract',
          'COUNTER', 'Trần Thị Hoa', '037190001234', '0988000001', 'Thôn Bình Hải', '{"childName": "Phạm Minh An"}', 'processing',
          now(), now(), current_date) returning id \gset
insert into dossier_file (unit_code, dossier_id, name, content_type, size, sha256, content, added_by)
  values ('14701', :id, 'to-khai.pdf', 'application/pdf', 300, 'x', decode(repeat('25', 300), 'hex'), 'bench'),
         ('14701', :id, 'giay.pdf', 'application/pdf', 300, 'x', decode(repeat('25', 300), 'hex'), 'bench');
insert into dossier_event (unit_code, dossier_id, actor, actor_name, action, to_state) values ('14701', :id, 'bench', 'bench', 'submit', 'submitted');
commit;
SQL
sed -i "s/^select set_config('app.units', '14701', true);/select set_config('app.units', '14701', true);\nset local role $APP_ROLE;/" "$OUT/pg-submit.sql"
log "pgbench reference for the submission SQL ..."
PGPASSWORD= pgbench -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres -n -c "$PG_CLIENTS" -j 2 -T "$PG_DURATION" -f "$OUT/pg-submit.sql" > "$OUT/pgbench-submit.txt" 2>&1 \
  || { cat "$OUT/pgbench-submit.txt" >&2; die "pgbench failed"; }
pg_tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/pgbench-submit.txt" | head -1)
ratio=$(awk -v a="$http_tps" -v b="$pg_tps" 'BEGIN {printf "%.3f", a / b}')

# ---------------------------------------------------------------- 2. queue with many dossiers
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

cat <<MD | tee "$OUT/summary.md"
### Dossiers ($(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg))

| measurement | result |
|---|---|
| submission over HTTP (counter API, 2 PDFs, wrk -c$CONNECTIONS, ${DURATION}s) | $http_line |
| dossiers numbered / distinct codes after the run | $numbered |
| pgbench, submission SQL core (-c$PG_CLIENTS, ${PG_DURATION}s) | $pg_tps tps |
| **HTTP / pgbench ratio** | **$ratio** |
| dataset for queues | $(cat "$OUT/dataset.txt"), generated in ${gen_s}s |
| LATE queue query, pgbench under RLS (-c$PG_CLIENTS) | $q_late tps, $q_late_ms ms average |
| NEW queue query, pgbench under RLS (-c$PG_CLIENTS) | $q_new tps, $q_new_ms ms average |
| LATE queue over HTTP (wrk -c$CONNECTIONS, 10 s) | $(grep -E '^Requests/sec' "$OUT/wrk-queue-late.txt") |
MD
