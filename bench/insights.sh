#!/usr/bin/env bash
# XaSo insights benchmark (see bench/README.md): national dashboard and rankings over synthetic
# NATIONAL data. Starts the app jar on a fresh data folder (schema + the real 34 provinces and
# 3,321 communes in admin_unit + demo data), generates SCALE × (10,000,000 dossiers, 1,000,000
# documents, 200,000 feedback reports) over two years with bench/insights-generate.sql, with the
# matching insight_fact rows and the province and nation roll-ups (insight_rollup), then measures
#  1. with pgbench (per-transaction log → p50/p95) the SQL the pages send — the roll-up query of the
#     national page (Facts.rollups), the provinces' ranking from the roll-ups, Facts.sumsByUnit for a
#     province's communes — beside the per-unit counters (Facts.sums, how the national page read before)
#     and a naive recount from the source tables;
#  2. over HTTP with wrk (signed in as a province viewer, BENCH_HTTP_CONNECTIONS, p50/p95/p99), in the
#     same run: the static stylesheet (reference), /insights/VN (national dashboard),
#     /insights/VN/ranking.csv (provinces ranked) and /insights/37/ranking.csv (a province's communes),
#     with each endpoint's p95 over the static asset's and the CPU share of other processes.
# Measured as the owner postgres (superuser: no row-level security), plus the national queries
# as the app role with app.units = '*' (RLS filter applied).
#
#   SCALE=0.1 bench/insights.sh          quick run (1 M dossiers)
#   bench/insights.sh                    full size (SCALE=1)
# Settings: SCALE=1, BENCH_PG_DURATION=30 (s per query), BENCH_PG_CLIENTS=1, BENCH_YEAR=2026,
#           BENCH_LAST_DAY=2026-11-22 (last generated day), BENCH_REBUILD=0, BENCH_KEEP=0 (1: keep the app
#           running at the end and print how to connect), BENCH_NAIVE=1 (0: skip the naive recounts, ~3 min),
#           BENCH_DURATION=20 (s of wrk per endpoint), BENCH_WARMUP=5, BENCH_HTTP_CONNECTIONS=1.
#           Raw outputs: bench/results/<stamp>-insights/.
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
NAIVE=${BENCH_NAIVE:-1}
DURATION=${BENCH_DURATION:-20}
WARMUP=${BENCH_WARMUP:-5}
HTTP_CONNECTIONS=${BENCH_HTTP_CONNECTIONS:-1}
FROM="$YEAR-01-01"; TO="$YEAR-12-31"

BENCH_TAG=bench-insights
. bench/lib.sh
use_jdk
ensure_packages wrk:wrk pgbench:postgresql-client psql:postgresql-client curl:curl

find_jar
bench_run_folders insights
cleanup() {
  local rc=$?
  if [ "$KEEP" = 1 ] && [ $rc -eq 0 ]; then
    trap - EXIT INT TERM; log "kept running: app pid $APP_PID, psql -h 127.0.0.1 -p $DB_PORT -U postgres; data $DATA_DIR"; exit 0
  fi
  bench_cleanup $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "nproc: $(nproc); cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "pgbench: $(pgbench --version)"
  echo "settings: scale=$SCALE year=$YEAR last_day=$LAST_DAY pg_duration=${PG_DURATION}s pg_clients=$PG_CLIENTS naive=$NAIVE duration=${DURATION}s warmup=${WARMUP}s http_connections=$HTTP_CONNECTIONS"
  echo "uptime before: $(uptime)"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2
other_load "before start"

start_app 300
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
       (select count(*) from feedback_report) as feedback_reports, (select count(*) from insight_fact) as insight_fact_rows,
       (select count(*) from insight_rollup) as insight_rollup_rows;
select relname as table, pg_size_pretty(pg_table_size(oid)) as table_size, pg_size_pretty(pg_indexes_size(oid)) as indexes
  from pg_class where relname in ('dossier', 'document', 'feedback_report', 'insight_fact', 'insight_rollup') order by relname;
select min(day), max(day), count(distinct unit_code) as units, count(distinct metric) as metrics from insight_fact;
SQL
cat "$OUT/dataset.txt" >&2

# ---------------------------------------------------------------- the queries
METRICS=$("${PSQL[@]}" -At -c "select string_agg(distinct metric, ',' order by metric) from insight_fact where metric like 'dossiers.%' or metric like 'documents.%'")
units_of() { "${PSQL[@]}" -At -c "select string_agg(code, ',' order by code) from admin_unit where parent_code = '$1' and level = 'commune'"; }
U37=$(units_of 37); U01=$(units_of 01)
PROVINCES=$("${PSQL[@]}" -At -c "select string_agg(code, ',' order by code) from admin_unit where level = 'province'")
RANK_METRICS="dossiers.resolved,dossiers.resolved_on_time"   # DOSSIER_ON_TIME: numerator + denominator

# Facts.rollups as the national page sends it (Indicators.nation): the nation's roll-up for every counted
# metric and the provinces' roll-ups for the ranking indicator's metrics, one statement.
rollups_page() {
  cat <<SQL
select unit_code, metric, sum(value) from insight_rollup
where day between '$FROM' and '$TO' and unit_code = any('{VN}'::text[]) and metric = any('{$METRICS}'::text[])
group by unit_code, metric
union all
select unit_code, metric, sum(value) from insight_rollup
where day between '$FROM' and '$TO' and unit_code = any('{$PROVINCES}'::text[]) and metric = any('{$RANK_METRICS}'::text[])
group by unit_code, metric;
SQL
}
# The provinces' ranking alone (Indicators.rankProvinces, /insights/VN/ranking.csv).
rollups_rank() {
  echo "select unit_code, metric, sum(value) from insight_rollup where day between '$FROM' and '$TO' and unit_code = any('{$PROVINCES}'::text[]) and metric = any('{$RANK_METRICS}'::text[]) group by unit_code, metric;"
}

# Facts.sums (units null: every unit the caller sees) and Facts.sumsByUnit, verbatim.
sums() { # units-or-empty
  if [ -z "$1" ]; then
    echo "select metric, sum(value) from insight_fact where metric = any('{$METRICS}'::text[]) and day between '$FROM' and '$TO' group by metric;"
  else
    echo "select metric, sum(value) from insight_fact where metric = any('{$METRICS}'::text[]) and day between '$FROM' and '$TO' and unit_code = any('{$1}'::text[]) group by metric;"
  fi
}
sums_by_unit() { # units — the daily counters, as Facts.sumsByUnit read them before the monthly sums
  echo "select unit_code, metric, sum(value) from insight_fact where unit_code = any('{$1}'::text[]) and metric = any('{$RANK_METRICS}'::text[]) and day between '$FROM' and '$TO' group by unit_code, metric;"
}
sums_by_unit_months() { # units — Facts.sumsByUnit now for a whole year: its 12 months from insight_month, no partial month
  echo "select unit_code, metric, sum(value) from (select unit_code, metric, value from insight_month where unit_code = any('{$1}'::text[]) and metric = any('{$RANK_METRICS}'::text[]) and month between '$FROM' and '$YEAR-12-01' union all select unit_code, metric, value from insight_fact where unit_code = any('{$1}'::text[]) and metric = any('{$RANK_METRICS}'::text[]) and (day between '$FROM' and date '$FROM' - 1 or day between date '$TO' + 1 and '$TO')) x group by unit_code, metric;"
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
  "national dashboard, roll-ups|$(rollups_page)"
  "provinces ranked, roll-ups|$(rollups_rank)"
  "national dashboard, counters|$(sums '')"
  "province ranking 37 Ninh Bình, counters|$(sums_by_unit "$U37")"
  "province ranking 01 Hà Nội, counters|$(sums_by_unit "$U01")"
  "province ranking 37 Ninh Bình, monthly sums|$(sums_by_unit_months "$U37")"
  "province ranking 01 Hà Nội, monthly sums|$(sums_by_unit_months "$U01")"
  "commune dashboard 14701, counters|$(sums 14701)"
)
if [ "$NAIVE" = 1 ]; then
  QUERIES+=(
    "national dashboard, naive recount|$(naive true)"
    "province ranking 37 Ninh Bình, naive recount|$(naive_rank "$U37")"
    "province ranking 01 Hà Nội, naive recount|$(naive_rank "$U01")"
    "commune dashboard 14701, naive recount|$(naive "unit_code = '14701'")"
  )
else
  "${PSQL[@]}" -At -F' ' -c "$(naive true)" | sort > "$OUT/result-national-dashboard-naive-recount.txt" # for the check below
fi
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
{ echo "begin;"; echo "select set_config('app.units', '*', true);"; echo "set local role $APP_ROLE;"; rollups_page; echo "commit;"; } > "$OUT/q-national-rollups-app-role.sql"
measure "national dashboard, roll-ups, as $APP_ROLE under RLS (app.units='*')" "$OUT/q-national-rollups-app-role.sql"

# Counters equal the recount? Compare the national results (metric totals).
check=$(awk '$1 == "dossiers" {split("submitted submitted_online digitised resolved resolved_on_time result_electronic paid paid_online rated rated_satisfied", m, " "); for (i = 1; i <= 10; i++) print "dossiers." m[i], $(i + 1)}
       $1 == "documents" {split("incoming_registered incoming_electronic outgoing_released outgoing_signed incoming_done incoming_done_on_time", m, " "); for (i = 1; i <= 6; i++) print "documents." m[i], $(i + 1)}' \
    "$OUT/result-national-dashboard-naive-recount.txt" | awk '$2 != 0' | sort | diff - "$OUT/result-national-dashboard-counters.txt" > "$OUT/check-national.diff" && echo equal || echo DIFFERENT)
log "national counters vs naive recount: $check"
# The nation's roll-up equals the counters summed over every unit (the page's figures did not change).
awk '$1 == "VN" {print $2, $3}' "$OUT/result-national-dashboard-roll-ups.txt" | sort | diff - "$OUT/result-national-dashboard-counters.txt" \
  > "$OUT/check-rollups.diff" && check_rollups=equal || check_rollups=DIFFERENT
log "national roll-up vs counters: $check_rollups"
# A province's ranking from the monthly sums equals the one from the daily counters.
check_months=equal; : > "$OUT/check-months.diff"
for p in "37 Ninh Bình" "01 Hà Nội"; do
  diff "$OUT/result-$(slug "province ranking $p, counters").txt" "$OUT/result-$(slug "province ranking $p, monthly sums").txt" \
    >> "$OUT/check-months.diff" || check_months=DIFFERENT
done
log "province rankings from monthly sums vs daily counters: $check_months"

# ---------------------------------------------------------------- HTTP: the pages, beside the static asset
log "Signing in as ninhbinh.tinh ..."
sign_in ninhbinh.tinh
PERIOD="from=$FROM&to=$TO"
ENDPOINTS=(
  "static asset (reference)|/assets/xaso.css"
  "national dashboard|/insights/VN?indicator=DOSSIER_ON_TIME&$PERIOD"
  "provinces ranked (CSV)|/insights/VN/ranking.csv?indicator=DOSSIER_ON_TIME&$PERIOD"
  "province 37 communes ranked (CSV)|/insights/37/ranking.csv?indicator=DOSSIER_ON_TIME&$PERIOD"
)
: > "$OUT/checks.txt"
for e in "${ENDPOINTS[@]}"; do
  name=${e%%|*}; path=${e#*|}
  curl -sS -H "Cookie: $COOKIE" -o "$OUT/check-$(slug "$name").out" -w "%{http_code} %{size_download} bytes %{time_total}s $path\n" "$BASE$path" >> "$OUT/checks.txt"
done
cat "$OUT/checks.txt" >&2
awk '$1 != 200 {bad = 1} END {exit bad}' "$OUT/checks.txt" || die "an endpoint did not answer 200 (see $OUT/checks.txt)"
grep -q 'Tỉnh Ninh Bình' "$OUT/check-national-dashboard.out" || die "the national page shows no province (still signed in?)"
run_wrk() { # path conns seconds outfile
  wrk -t1 -c"$2" -d"$3"s --timeout 10s --latency -H "Cookie: $COOKIE" -s "$ROOT/bench/report.lua" "$BASE$1" > "$4" 2>&1 \
    || { cat "$4" >&2; die "wrk failed for $1"; }
  kill -0 "$APP_PID" 2>/dev/null || { APP_PID=""; die "the app exited during wrk $1"; }
}
log "Warm-up: ${WARMUP}s per endpoint ..."
for e in "${ENDPOINTS[@]}"; do run_wrk "${e#*|}" "$HTTP_CONNECTIONS" "$WARMUP" "$OUT/warmup-$(slug "${e%%|*}").txt"; done
echo -e "name\tpath\tconnections\treq_per_s\tp50_ms\tp95_ms\tp99_ms\tmax_ms\terrors\tnon2xx\tcpu_app_pct\tcpu_wrk_pct\tcpu_other_pct" > "$OUT/wrk.tsv"
for e in "${ENDPOINTS[@]}"; do
  name=${e%%|*}; path=${e#*|}; f="$OUT/wrk-$(slug "$name").txt"
  log "wrk ${DURATION}s, $HTTP_CONNECTIONS connection(s): GET $path"
  cpu_snapshot; s0=("$CPU_WALL" "$CPU_TOTAL" "$CPU_APP" "$CPU_GEN")
  run_wrk "$path" "$HTTP_CONNECTIONS" "$DURATION" "$f"
  cpu_snapshot; read -r ca cg co <<< "$(cpu_shares "${s0[@]}")"
  line=$(grep '^BENCH ' "$f") || die "no BENCH line in $f"
  eval "$(echo "${line#BENCH }" | tr ' ' '\n' | sed 's/^/local_/')"
  # shellcheck disable=SC2154
  awk -v n="$name" -v p="$path" -v c="$HTTP_CONNECTIONS" -v r="$local_requests" -v d="$local_duration_us" \
      -v p50="$local_p50_us" -v p95="$local_p95_us" -v p99="$local_p99_us" -v mx="$local_max_us" \
      -v err="$((local_err_connect + local_err_read + local_err_write + local_err_timeout))" -v st="$local_err_status" \
      -v ca="$ca" -v cg="$cg" -v co="$co" \
      'BEGIN {printf "%s\t%s\t%s\t%.1f\t%.2f\t%.2f\t%.2f\t%.2f\t%d\t%d\t%s\t%s\t%s\n", n, p, c, r / (d / 1e6), p50 / 1e3, p95 / 1e3, p99 / 1e3, mx / 1e3, err, st, ca, cg, co}' \
      >> "$OUT/wrk.tsv"
  tail -1 "$OUT/wrk.tsv" >&2
done
other_load "after the load"
OTHER_MAX=$(awk -F'\t' 'NR > 1 && $13 > m {m = $13} END {print m + 0}' "$OUT/wrk.tsv")
[ "$OTHER_MAX" -gt 10 ] && QUIET="**DISTURBED** (other processes up to ${OTHER_MAX} % of the CPU during a measurement)" || QUIET="quiet (other processes at most ${OTHER_MAX} % of the CPU during the measurements)"
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
  echo "Counters / roll-ups (p50), the national page's data before and after issue 15:"
  echo
  awk -F'\t' '$1 == "national dashboard, counters" {c = $3} $1 == "national dashboard, roll-ups" {r = $3}
    END {if (r > 0) printf "- national dashboard: %.0f× (%s ms vs %s ms)\n", c / r, c, r}' "$OUT/latency.tsv"
  echo
  echo "Naive / counters (p50):"
  echo
  awk -F'\t' 'NR > 1 {split($1, a, ", "); k = a[1]; if (a[2] == "counters" && a[3] == "") c[k] = $3; else if (a[2] == "naive recount") nv[k] = $3}
    END {for (k in c) if (k in nv) printf "- %s: %.0f× (%s ms vs %s ms)\n", k, nv[k] / c[k], nv[k], c[k]}' "$OUT/latency.tsv" | sort
  echo
  echo "National counters equal the naive recount: $check (check-national.diff); the nation's roll-up equals the counters: $check_rollups (check-rollups.diff); the provinces' rankings from the monthly sums equal those from the counters: $check_months (check-months.diff)."
  echo
  echo "HTTP, signed in as ninhbinh.tinh, wrk ${DURATION}s, 1 thread, $HTTP_CONNECTIONS connection(s), after ${WARMUP}s warm-up; machine: $QUIET."
  echo "Targets (issue 15): national dashboard p95 ≤ 100 ms, province ranking p95 ≤ 50 ms, generation ≤ 900 s (this run: ${GEN_S} s)."
  echo
  echo "| endpoint | req/s | p50 ms | p95 ms | p99 ms | errors / non-2xx | p95 × static | req/s ÷ static | CPU app / wrk / other % |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' 'NR == 1 {next} {rows[NR] = $0; if ($2 == "/assets/xaso.css") {sp = $6; sr = $4}}
    END {for (i = 2; i <= NR; i++) {split(rows[i], f, "\t");
      printf "| %s `%s` | %.1f | %.2f | %.2f | %.2f | %d / %d | %.1f | %.3f | %s / %s / %s |\n", f[1], f[2], f[4], f[5], f[6], f[7], f[9], f[10], (sp > 0 ? f[6] / sp : 0), (sr > 0 ? f[4] / sr : 0), f[11], f[12], f[13]}}' "$OUT/wrk.tsv"
  echo
  echo "Load: $(sed -n 's/^uptime before: //p' "$OUT/machine.txt") (before); $(sed -n 's/^uptime after: //p' "$OUT/machine.txt") (after)."
} > "$OUT/summary.md"
cat "$OUT/summary.md"
