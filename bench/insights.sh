#!/usr/bin/env bash
# XaSo insights benchmark (see bench/README.md): national dashboard and rankings over synthetic
# NATIONAL data. Starts the app jar on a fresh data folder (schema + the real 34 provinces and
# 3,321 communes in admin_unit + demo data), generates SCALE × (10,000,000 dossiers, 1,000,000
# documents, 200,000 feedback reports) over two years with bench/insights-generate.sql, with the
# matching insight_fact rows, then measures with pgbench (per-transaction log → p50/p95) the SQL
# of Facts.sums / Facts.sumsByUnit against a naive recount from the source tables:
#   national dashboard (all 16 metrics, one year), province ranking (DOSSIER_ON_TIME metrics, per
#   commune) for 37 Ninh Bình and 01 Hà Nội, commune dashboard (14701 Yên Mô).
# Measured as the owner postgres (superuser: no row-level security), plus the national counter query
# as the app role with app.units = '*' (RLS filter applied).
#
#   SCALE=0.1 bench/insights.sh          quick run (1 M dossiers)
#   bench/insights.sh                    full size (SCALE=1)
# Settings: SCALE=1, BENCH_PG_DURATION=30 (s per query), BENCH_PG_CLIENTS=1, BENCH_YEAR=2026,
#           BENCH_LAST_DAY=2026-11-22 (last generated day), BENCH_REBUILD=0, BENCH_KEEP=0 (1: keep the app
#           running at the end and print how to connect). Raw outputs: bench/results/<stamp>-insights/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SCALE=${SCALE:-1}
PG_DURATION=${BENCH_PG_DURATION:-30}
PG_CLIENTS=${BENCH_PG_CLIENTS:-1}
YEAR=${BENCH_YEAR:-2026}
LAST_DAY=${BENCH_LAST_DAY:-2026-11-22}
REBUILD=${BENCH_REBUILD:-0}
KEEP=${BENCH_KEEP:-0}
FROM="$YEAR-01-01"; TO="$YEAR-12-31"

BENCH_TAG=bench-insights
. bench/lib.sh
use_jdk
need_tools pgbench psql curl

find_jar
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=${BENCH_OUT:-"$ROOT/bench/results/$STAMP-insights"}
mkdir -p "$OUT"
DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/xaso-bench-insights.XXXXXX")
APP_PID=""
APP_PORT=$(free_port) || die "no free port"
DB_PORT=$(free_port "$APP_PORT") || die "no free port"
BASE="http://127.0.0.1:$APP_PORT"
cleanup() {
  local rc=$? i pm
  set +e; trap - EXIT INT TERM
  if [ "$KEEP" = 1 ] && [ $rc -eq 0 ]; then log "kept running: app pid $APP_PID, psql -h 127.0.0.1 -p $DB_PORT -U postgres; data $DATA_DIR"; exit 0; fi
  stop_app_and_db
  rm -rf "$DATA_DIR"
  [ $rc -ne 0 ] && log "failed (exit $rc); raw outputs in $OUT"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "nproc: $(nproc); cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "pgbench: $(pgbench --version)"
  echo "settings: scale=$SCALE year=$YEAR last_day=$LAST_DAY pg_duration=${PG_DURATION}s pg_clients=$PG_CLIENTS"
  echo "uptime before: $(uptime)"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

log "Starting $jar (embedded PostgreSQL on $DB_PORT) ..."
"$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC -jar "$jar" serve \
  --server.port="$APP_PORT" --xaso.data-dir="$DATA_DIR" --xaso.db.embedded-port="$DB_PORT" --xaso.demo.load=true \
  > "$OUT/app.log" 2>&1 &
APP_PID=$!
for i in $(seq 1 3000); do
  kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$OUT/app.log" >&2; die "the app exited during start-up"; }
  curl -fsS -m 1 "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && break
  sleep 0.1
done
curl -fsS -m 1 "$BASE/actuator/health" | grep -q '"status":"UP"' || die "not healthy after 300 s"
log "healthy"
PSQL=(psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres -X -v ON_ERROR_STOP=1 -q)
APP_ROLE=xaso_app

# ---------------------------------------------------------------- generate
log "Generating SCALE=$SCALE (bench/insights-generate.sql) ..."
t0=$(date +%s%N)
"${PSQL[@]}" -v scale="$SCALE" -v last_day="$LAST_DAY" -f bench/insights-generate.sql > "$OUT/generate.txt" 2>&1 \
  || { tail -30 "$OUT/generate.txt" >&2; die "generation failed"; }
GEN_S=$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN {printf "%.0f", (b - a) / 1e9}')
log "generated in ${GEN_S}s"
"${PSQL[@]}" -P pager=off > "$OUT/dataset.txt" 2>&1 <<'SQL'
select (select count(*) from admin_unit where level = 'province') as provinces, (select count(*) from admin_unit where level = 'commune') as communes,
       (select count(*) from dossier) as dossiers, (select count(*) from document) as documents,
       (select count(*) from feedback_report) as feedback_reports, (select count(*) from insight_fact) as insight_fact_rows;
select relname as table, pg_size_pretty(pg_table_size(oid)) as table_size, pg_size_pretty(pg_indexes_size(oid)) as indexes
  from pg_class where relname in ('dossier', 'document', 'feedback_report', 'insight_fact') order by relname;
select min(day), max(day), count(distinct unit_code) as units, count(distinct metric) as metrics from insight_fact;
SQL
cat "$OUT/dataset.txt" >&2

# ---------------------------------------------------------------- the queries
METRICS=$("${PSQL[@]}" -At -c "select string_agg(distinct metric, ',' order by metric) from insight_fact where metric like 'dossiers.%' or metric like 'documents.%'")
units_of() { "${PSQL[@]}" -At -c "select string_agg(code, ',' order by code) from admin_unit where parent_code = '$1' and level = 'commune'"; }
U37=$(units_of 37); U01=$(units_of 01)
RANK_METRICS="dossiers.resolved,dossiers.resolved_on_time"   # DOSSIER_ON_TIME: numerator + denominator

# Facts.sums (units null: every unit the caller sees) and Facts.sumsByUnit, verbatim.
sums() { # units-or-empty
  if [ -z "$1" ]; then
    echo "select metric, sum(value) from insight_fact where metric = any('{$METRICS}'::text[]) and day between '$FROM' and '$TO' group by metric;"
  else
    echo "select metric, sum(value) from insight_fact where metric = any('{$METRICS}'::text[]) and day between '$FROM' and '$TO' and unit_code = any('{$1}'::text[]) group by metric;"
  fi
}
sums_by_unit() { # units
  echo "select unit_code, metric, sum(value) from insight_fact where unit_code = any('{$1}'::text[]) and metric = any('{$RANK_METRICS}'::text[]) and day between '$FROM' and '$TO' group by unit_code, metric;"
}
# Naive: count the same facts from the source tables, like DossierMetrics.recount / DocumentMetrics.recount
# (one scan with count(*) filter per metric instead of ten union-all branches: the kindest naive form).
naive() { # where-clause for the unit ("true" for the nation)
  cat <<SQL
select 'dossiers' as src,
  count(*) filter (where submitted between '$FROM' and '$TO') as submitted,
  count(*) filter (where submitted between '$FROM' and '$TO' and channel <> 'COUNTER') as submitted_online,
  count(*) filter (where submitted between '$FROM' and '$TO' and digitised) as digitised,
  count(*) filter (where resolved between '$FROM' and '$TO') as resolved,
  count(*) filter (where resolved between '$FROM' and '$TO' and (due_date is null or resolved <= due_date)) as resolved_on_time,
  count(*) filter (where resolved between '$FROM' and '$TO' and e_result) as result_electronic,
  count(*) filter (where paid between '$FROM' and '$TO') as paid,
  count(*) filter (where paid between '$FROM' and '$TO' and paid_online) as paid_online,
  count(*) filter (where rated between '$FROM' and '$TO') as rated,
  count(*) filter (where rated between '$FROM' and '$TO' and rating >= 4) as rated_satisfied
from (select channel, digitised, due_date, rating, result_pdf is not null and result_signed_by is not null as e_result, paid_online,
             (submitted_at at time zone 'Asia/Ho_Chi_Minh')::date as submitted, (result_at at time zone 'Asia/Ho_Chi_Minh')::date as resolved,
             (paid_at at time zone 'Asia/Ho_Chi_Minh')::date as paid, (rated_at at time zone 'Asia/Ho_Chi_Minh')::date as rated
      from dossier where state <> 'draft' and $1) d
union all
select 'documents',
  count(*) filter (where direction = 'in' and received_on between '$FROM' and '$TO'),
  count(*) filter (where direction = 'in' and source_document_id is not null and received_on between '$FROM' and '$TO'),
  count(*) filter (where direction = 'out' and status = 'released' and issued_on between '$FROM' and '$TO'),
  count(*) filter (where direction = 'out' and status = 'released' and pdf is not null and issued_on between '$FROM' and '$TO'),
  count(*) filter (where direction = 'in' and status = 'done' and done between '$FROM' and '$TO'),
  count(*) filter (where direction = 'in' and status = 'done' and (deadline is null or done <= deadline) and done between '$FROM' and '$TO'),
  0, 0, 0, 0
from (select direction, status, received_on, issued_on, deadline, source_document_id, pdf, (done_at at time zone 'Asia/Ho_Chi_Minh')::date as done
      from document where $1) x;
SQL
}
naive_rank() { # units — DossierMetrics.recount's two branches for the ranking metrics, for one province
  cat <<SQL
select unit_code, count(*) as resolved, count(*) filter (where due_date is null or resolved <= due_date) as resolved_on_time
from (select unit_code, due_date, (result_at at time zone 'Asia/Ho_Chi_Minh')::date as resolved from dossier
      where state <> 'draft' and unit_code = any('{$1}'::text[])) d
where resolved between '$FROM' and '$TO' group by unit_code;
SQL
}

QUERIES=(
  "national dashboard, counters|$(sums '')"
  "national dashboard, naive recount|$(naive true)"
  "province ranking 37 Ninh Bình, counters|$(sums_by_unit "$U37")"
  "province ranking 37 Ninh Bình, naive recount|$(naive_rank "$U37")"
  "province ranking 01 Hà Nội, counters|$(sums_by_unit "$U01")"
  "province ranking 01 Hà Nội, naive recount|$(naive_rank "$U01")"
  "commune dashboard 14701, counters|$(sums 14701)"
  "commune dashboard 14701, naive recount|$(naive "unit_code = '14701'")"
)
slug() { echo "$1" | tr -c 'a-zA-Z0-9\n' '-' | tr -s '-' | sed 's/-$//'; }
echo -e "query\ttransactions\tp50_ms\tp95_ms\tavg_ms" > "$OUT/latency.tsv"
: > "$OUT/explain.txt"
measure() { # name sqlfile
  local name=$1 f=$2 s; s=$(slug "$name")
  mkdir -p "$OUT/log-$s"
  log "pgbench ${PG_DURATION}s, $PG_CLIENTS client(s): $name"
  (cd "$OUT/log-$s" && pgbench -h 127.0.0.1 -p "$DB_PORT" -U postgres -n -M prepared -c "$PG_CLIENTS" -j "$PG_CLIENTS" -T "$PG_DURATION" \
     -l --log-prefix=tx -f "$f" postgres > "$OUT/pgbench-$s.txt" 2>&1) || { cat "$OUT/pgbench-$s.txt" >&2; die "pgbench failed"; }
  cat "$OUT/log-$s"/tx* | awk '{print $3 / 1000}' | sort -n | awk -v n="$name" '
    {v[NR] = $1; s += $1} END {p50 = v[int((NR - 1) * 0.50) + 1]; p95 = v[int((NR - 1) * 0.95) + 1]; printf "%s\t%d\t%.2f\t%.2f\t%.2f\n", n, NR, p50, p95, s / NR}' >> "$OUT/latency.tsv"
  tail -1 "$OUT/latency.tsv" >&2
  rm -rf "$OUT/log-$s"
}
for q in "${QUERIES[@]}"; do
  name=${q%%|*}; sql=${q#*|}; s=$(slug "$name")
  printf '%s\n' "$sql" > "$OUT/q-$s.sql"
  { echo "-- $name"; printf '%s\n' "$sql" | sed '1s/^/explain (analyze, buffers) /'; } | "${PSQL[@]}" -P pager=off >> "$OUT/explain.txt" 2>&1 || die "explain failed: $name"
  "${PSQL[@]}" -At -F' ' -f "$OUT/q-$s.sql" | sort > "$OUT/result-$s.txt"
  measure "$name" "$OUT/q-$s.sql"
done
# The national counter query as the app role under RLS (app.units = '*').
{ echo "begin;"; echo "select set_config('app.units', '*', true);"; echo "set local role $APP_ROLE;"; sums ''; echo "commit;"; } > "$OUT/q-national-app-role.sql"
{ echo "begin; select set_config('app.units', '*', true); set local role $APP_ROLE;"; sums '' | sed '1s/^/explain (analyze, buffers) /'; echo "commit;"; } \
  | "${PSQL[@]}" -P pager=off >> "$OUT/explain.txt" 2>&1 || die "explain failed (app role)"
measure "national dashboard, counters, as $APP_ROLE under RLS (app.units='*')" "$OUT/q-national-app-role.sql"

# Counters equal the recount? Compare the national results (metric totals).
check=$(awk '$1 == "dossiers" {split("submitted submitted_online digitised resolved resolved_on_time result_electronic paid paid_online rated rated_satisfied", m, " "); for (i = 1; i <= 10; i++) print "dossiers." m[i], $(i + 1)}
       $1 == "documents" {split("incoming_registered incoming_electronic outgoing_released outgoing_signed incoming_done incoming_done_on_time", m, " "); for (i = 1; i <= 6; i++) print "documents." m[i], $(i + 1)}' \
    "$OUT/result-national-dashboard-naive-recount.txt" | awk '$2 != 0' | sort | diff - "$OUT/result-national-dashboard-counters.txt" > "$OUT/check-national.diff" && echo equal || echo DIFFERENT)
log "national counters vs naive recount: $check"
echo "uptime after: $(uptime)" >> "$OUT/machine.txt"

# ---------------------------------------------------------------- summary
{
  echo "## XaSo insights benchmark $(basename "$OUT")"
  echo
  sed -n '3p' "$OUT/machine.txt"
  echo
  echo "Command: \`SCALE=$SCALE BENCH_PG_DURATION=$PG_DURATION BENCH_PG_CLIENTS=$PG_CLIENTS bench/insights.sh\`; generation ${GEN_S} s; period $FROM..$TO; role postgres (owner, superuser: no RLS) unless stated."
  echo
  echo '```'; cat "$OUT/dataset.txt"; echo '```'
  echo
  echo "| query | transactions | p50 ms | p95 ms | avg ms |"
  echo "|---|---:|---:|---:|---:|"
  awk -F'\t' 'NR > 1 {printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5}' "$OUT/latency.tsv"
  echo
  echo "Naive / counters (p50):"
  echo
  awk -F'\t' 'NR > 1 {split($1, a, ", "); k = a[1]; if (a[2] == "counters" && a[3] == "") c[k] = $3; else if (a[2] == "naive recount") nv[k] = $3}
    END {for (k in c) if (k in nv) printf "- %s: %.0f× (%s ms vs %s ms)\n", k, nv[k] / c[k], nv[k], c[k]}' "$OUT/latency.tsv" | sort
  echo
  echo "National counters equal the naive recount: $check (check-national.diff)."
  echo
  echo "Load: $(sed -n 's/^uptime before: //p' "$OUT/machine.txt") (before); $(sed -n 's/^uptime after: //p' "$OUT/machine.txt") (after)."
} > "$OUT/summary.md"
cat "$OUT/summary.md"
