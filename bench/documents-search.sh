#!/usr/bin/env bash
# XaSo document search benchmark (see bench/README.md). Starts one commune instance from the jar on
# a fresh data folder (like bench/run.sh), generates BENCH_DOCS (100,000) documents for commune
# 14701 directly in its embedded PostgreSQL, then measures
#   (a) the SQL Documents.search sends (count + first page), with pgbench, as the app role under RLS;
#   (b) GET /documents?q=... as a signed-in official, with wrk; reference: GET /assets/xaso.css.
# Records EXPLAIN (ANALYZE, BUFFERS), CPU shares of everything else on the machine, and writes a
# Markdown summary ending with the goals of issue 15: the common-word search's p95 at 16 connections (≤ 50 ms) and
# the register page without a query against the static file (≥ 0.3×), marked DISTURBED on a busy machine. Raw outputs go to bench/results/<timestamp>-documents/ (or $BENCH_OUT).
#
# Settings (environment): BENCH_DOCS=100000, BENCH_DURATION=20 (s per wrk run), BENCH_WARMUP=5,
# BENCH_THREADS=2, BENCH_CONNECTIONS="16", BENCH_PG_DURATION=10, BENCH_PG_CLIENTS=16, BENCH_REBUILD=0.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

DOCS=${BENCH_DOCS:-100000}
DURATION=${BENCH_DURATION:-20}
WARMUP=${BENCH_WARMUP:-5}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-"16"}
PG_DURATION=${BENCH_PG_DURATION:-10}
PG_CLIENTS=${BENCH_PG_CLIENTS:-16}
REBUILD=${BENCH_REBUILD:-0}
[ $((DOCS % 10)) -eq 0 ] || { echo "BENCH_DOCS must be a multiple of 10" >&2; exit 2; }

BENCH_TAG=bench-docs
. bench/lib.sh

use_jdk
need_tools wrk pgbench psql curl jq

find_jar
quiet_check 5
QUIET_BEFORE=$QUIET_NOTE; QUIET_BEFORE_STATUS=$QUIET_STATUS

bench_run_folders documents
cleanup() { bench_cleanup $?; }
trap cleanup EXIT
trap 'exit 130' INT TERM

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo '?') $(git status --porcelain 2>/dev/null | grep -q . && echo '(dirty)')"
  echo "jar: $jar"
  echo "nproc: $(nproc)"
  echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "wrk: $(wrk -v 2>&1 | head -1)"
  echo "pgbench: $(pgbench --version)"
  echo "quiet check: $QUIET_BEFORE"
  echo "settings: docs=$DOCS duration=${DURATION}s warmup=${WARMUP}s threads=$THREADS connections=[$CONNECTIONS] pg_duration=${PG_DURATION}s pg_clients=$PG_CLIENTS"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

other_load "before start"

# ---------------------------------------------------------------- start the app
start_app

PSQL=(psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres -X -v ON_ERROR_STOP=1 -q)
APP_ROLE=$("${PSQL[@]}" -Atc "select rolname from pg_roles where rolcanlogin and not rolsuper and rolname !~ '^pg_' order by rolname limit 1")
[ -n "$APP_ROLE" ] || die "no application role found"

# ---------------------------------------------------------------- generate the documents
log "Generating $DOCS documents for 14701 (bench/documents-generate.sql) ..."
t0=$(date +%s%N)
"${PSQL[@]}" -v n="$DOCS" -f bench/documents-generate.sql > "$OUT/generate.txt" 2>&1 || { cat "$OUT/generate.txt" >&2; die "generation failed"; }
gen_s=$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN {printf "%.1f", (b - a) / 1e9}')
"${PSQL[@]}" > "$OUT/dataset.txt" 2>&1 <<'SQL'
select count(*) as documents, count(*) filter (where direction = 'out') as outgoing, count(*) filter (where direction = 'in') as incoming,
       min(register_year) as first_year, max(register_year) as last_year from document where unit_code = '14701';
select round(avg(length(search_folded))) as avg_search_folded_chars, round(avg(length(pdf_text))) as avg_pdf_text_chars from document;
select pg_size_pretty(pg_table_size('document')) as table_size, pg_size_pretty(pg_relation_size('document_search_idx')) as trigram_index_size,
       pg_size_pretty(pg_relation_size('document_words_idx')) as words_index_size, pg_size_pretty(pg_relation_size('document_unit_idx')) as unit_index_size;
select summary from document order by id limit 5;
SQL
log "generated in ${gen_s}s"; cat "$OUT/dataset.txt" >&2

# ---------------------------------------------------------------- the SQL Documents.search sends
# Documents.search (DocumentSearch): one page (size 20 on /documents, 21 rows fetched to know whether there are
# more), the words matched in search_words with a constant tsquery (the last word a prefix when it has 2 letters or
# more); the register without a query ("(register)") also counts up to 1,001 rows. In a transaction with app.units
# set, as the app role (no BYPASSRLS: the RLS policy applies).
QUERIES=("quyet dinh khai sinh" "quet" "(register)")
where_for() { # words... -> the WHERE condition DocumentSearch builds for them
  local where="d.unit_code = '14701'" tsq="" w i=0
  for w in "$@"; do
    i=$((i + 1)); tsq="$tsq${tsq:+ & }'$w'"
    if [ "$i" -eq $# ] && [ ${#w} -ge 2 ]; then tsq="$tsq:*"; fi
  done
  [ -z "$tsq" ] || where="$where and d.search_words @@ to_tsquery('simple', xaso_fold('${tsq//\'/\'\'}'))"
  echo "$where"
}
words_of() { if [ "$1" != "(register)" ]; then echo "$1"; fi; }
sql_for() { # words... -> the statements, words inlined as the app does: a search only fetches its page and one row
  # more (it counts what it has seen); the register without a query also counts up to 1,001
  local where; where=$(where_for "$@")
  [ $# -gt 0 ] || printf "select count(*) from (select 1 from document d where %s limit 1001) capped;\n" "$where"
  printf "select d.id, d.direction, d.type, d.status, d.summary, d.number_symbol, d.number, coalesce(d.issued_on, d.received_on) as day, d.issuer, d.deadline, d.urgency from document d where %s order by d.created_at desc, d.id desc limit 21 offset 0;\n" "$where"
}
exact_for() { printf "select count(*) from document d where %s;\n" "$(where_for "$@")"; }
slug() { echo "$1" | tr -c 'a-zA-Z0-9\n' '-' | tr -s '-' | sed 's/-$//; s/^-//'; }
: > "$OUT/explain.txt"
echo -e "query\tclients\tmatches\ttps\tlatency_ms\tcpu_app_pct\tcpu_gen_pct\tcpu_other_pct" > "$OUT/pgbench.tsv"
for q in "${QUERIES[@]}"; do
  s=$(slug "$q")
  # shellcheck disable=SC2086
  { echo "begin;"; echo "select set_config('app.units', '14701', true);"; echo "set local role $APP_ROLE;"; sql_for $(words_of "$q"); echo "commit;"; } > "$OUT/pgbench-$s.sql"
  # shellcheck disable=SC2086
  { echo "begin; select set_config('app.units', '14701', true); set local role $APP_ROLE;"
    echo "-- $q"
    sql_for $(words_of "$q") | sed 's/^/explain (analyze, buffers) /'
    echo "commit;"; } | "${PSQL[@]}" >> "$OUT/explain.txt" 2>&1 || die "explain failed (see $OUT/explain.txt)"
  # shellcheck disable=SC2086
  # shellcheck disable=SC2046
  matches=$({ echo "begin; select set_config('app.units', '14701', true); set local role $APP_ROLE;"; exact_for $(words_of "$q"); echo "commit;"; } | "${PSQL[@]}" -At | grep -E '^[0-9]+$' | tail -1)
  log "pgbench ${PG_DURATION}s, $PG_CLIENTS clients: '$q' ($matches matches)"
  cpu_snapshot; s0=("$CPU_WALL" "$CPU_TOTAL" "$CPU_APP" "$CPU_GEN")
  pgbench -h 127.0.0.1 -p "$DB_PORT" -U postgres -n -M prepared -c "$PG_CLIENTS" -j 2 -T "$PG_DURATION" \
    -f "$OUT/pgbench-$s.sql" postgres > "$OUT/pgbench-$s.txt" 2>&1 || { cat "$OUT/pgbench-$s.txt" >&2; die "pgbench failed"; }
  cpu_snapshot; read -r ca cg co <<< "$(cpu_shares "${s0[@]}")"
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/pgbench-$s.txt" | tail -1)
  lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$OUT/pgbench-$s.txt")
  echo -e "$q\t$PG_CLIENTS\t$matches\t$tps\t$lat\t$ca\t$cg\t$co" >> "$OUT/pgbench.tsv"
done
# The same statements as the owner postgres (superuser: RLS does not apply), to show what the
# trigram index gives when the planner may use it (LIKE is not leakproof, so under RLS it may not).
for q in "${QUERIES[@]}"; do
  s=$(slug "$q")
  # shellcheck disable=SC2086
  { echo "begin;"; sql_for $(words_of "$q"); echo "commit;"; } > "$OUT/pgbench-$s-owner.sql"
  # shellcheck disable=SC2086
  { echo "-- as the owner postgres, no RLS: $q"; sql_for $(words_of "$q") | sed 's/^/explain (analyze, buffers) /'; } | "${PSQL[@]}" >> "$OUT/explain-owner.txt" 2>&1 || die "explain failed"
done
# single-client latency (what one official waits for, database side), as the app role and as the owner
echo -e "query\tmatches\ttps\tlatency_ms\tcpu_app_pct\tcpu_gen_pct\tcpu_other_pct" > "$OUT/pgbench-1client.tsv"
for q in "${QUERIES[@]}" "${QUERIES[@]/%/ (owner, no RLS)}"; do
  s=$(slug "$q" | sed 's/-owner-no-RLS$/-owner/')
  cpu_snapshot; s0=("$CPU_WALL" "$CPU_TOTAL" "$CPU_APP" "$CPU_GEN")
  pgbench -h 127.0.0.1 -p "$DB_PORT" -U postgres -n -M prepared -c 1 -j 1 -T "$PG_DURATION" \
    -f "$OUT/pgbench-$s.sql" postgres > "$OUT/pgbench-1client-$s.txt" 2>&1 || die "pgbench failed"
  cpu_snapshot; read -r ca cg co <<< "$(cpu_shares "${s0[@]}")"
  echo -e "$q\t$(awk -F'\t' -v q="${q% (owner, no RLS)}" '$1 == q {print $3}' "$OUT/pgbench.tsv")\t$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/pgbench-1client-$s.txt" | tail -1)\t$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$OUT/pgbench-1client-$s.txt")\t$ca\t$cg\t$co" >> "$OUT/pgbench-1client.tsv"
done

# ---------------------------------------------------------------- sign in as an official
log "Signing in as yenmo.chutich ..."
sign_in yenmo.chutich

ENDPOINTS=(
  "static asset (reference)|/assets/xaso.css"
  "documents search q=quyet dinh khai sinh|/documents?q=quyet+dinh+khai+sinh"
  "documents search q=quet (rare)|/documents?q=quet"
  "documents register, no query|/documents"
)
for e in "${ENDPOINTS[@]}"; do
  name=${e%%|*}; path=${e#*|}
  curl -sS -H "Cookie: $COOKIE" -o "$OUT/check-$(slug "$name").html" -w "%{http_code} %{size_download} bytes %{time_total}s $path\n" "$BASE$path" >> "$OUT/checks.txt"
done
cat "$OUT/checks.txt" >&2
awk '$1 != 200 {bad = 1} END {exit bad}' "$OUT/checks.txt" || die "an endpoint did not answer 200 (see $OUT/checks.txt)"
grep -q 'khai sinh' "$OUT/check-documents-search-q-quyet-dinh-khai-sinh.html" || die "the search page shows no matching document (still signed in?)"

run_wrk() { # path conns seconds outfile
  wrk -t"$THREADS" -c"$2" -d"$3"s --timeout 10s --latency -H "Cookie: $COOKIE" -s "$ROOT/bench/report.lua" "$BASE$1" > "$4" 2>&1 \
    || { cat "$4" >&2; die "wrk failed for $1"; }
  kill -0 "$APP_PID" 2>/dev/null || { APP_PID=""; die "the app exited during wrk $1"; }
}
log "Warm-up: ${WARMUP}s per endpoint ..."
for e in "${ENDPOINTS[@]}"; do run_wrk "${e#*|}" 16 "$WARMUP" "$OUT/warmup-$(slug "${e%%|*}").txt"; done
echo -e "name\tpath\tconnections\treq_per_s\tp50_ms\tp90_ms\tp99_ms\tmax_ms\terrors\tnon2xx\tcpu_app_pct\tcpu_wrk_pct\tcpu_other_pct\tp95_ms" > "$OUT/wrk.tsv"
for c in $CONNECTIONS; do
  for e in "${ENDPOINTS[@]}"; do
    name=${e%%|*}; path=${e#*|}; f="$OUT/wrk-$(slug "$name")-c$c.txt"
    log "wrk ${DURATION}s, $c connections: GET $path"
    cpu_snapshot; s0=("$CPU_WALL" "$CPU_TOTAL" "$CPU_APP" "$CPU_GEN")
    run_wrk "$path" "$c" "$DURATION" "$f"
    cpu_snapshot; read -r ca cg co <<< "$(cpu_shares "${s0[@]}")"
    line=$(grep '^BENCH ' "$f") || die "no BENCH line in $f"
    eval "$(echo "${line#BENCH }" | tr ' ' '\n' | sed 's/^/local_/')"
    # shellcheck disable=SC2154
    awk -v n="$name" -v p="$path" -v c="$c" -v r="$local_requests" -v d="$local_duration_us" \
        -v p50="$local_p50_us" -v p90="$local_p90_us" -v p99="$local_p99_us" -v mx="$local_max_us" \
        -v err="$((local_err_connect + local_err_read + local_err_write + local_err_timeout))" -v st="$local_err_status" \
        -v ca="$ca" -v cg="$cg" -v co="$co" -v p95="${local_p95_us:-0}" \
        'BEGIN {printf "%s\t%s\t%s\t%.1f\t%.2f\t%.2f\t%.2f\t%.2f\t%d\t%d\t%s\t%s\t%s\t%.2f\n", n, p, c, r / (d / 1e6), p50 / 1e3, p90 / 1e3, p99 / 1e3, mx / 1e3, err, st, ca, cg, co, p95 / 1e3}' \
        >> "$OUT/wrk.tsv"
  done
done
other_load "after the load"
scans() { grep -oE '(Bitmap Index|Index Only|Index|Seq) Scan( Backward)? (on|using) [a-z_]+' "$1" | sed 's/ using / on /' | sort | uniq -c | awk '{c = $1; $1 = ""; printf "%s%s (%d)", sep, substr($0, 2), c; sep = ", "}'; }
idx=$(scans "$OUT/explain.txt"); idx_owner=$(scans "$OUT/explain-owner.txt")

# ---------------------------------------------------------------- summary
{
  echo "## XaSo document search benchmark $(basename "$OUT")"
  echo
  grep -E '^(nproc|cpu|memory|java):' "$OUT/machine.txt" | tr '\n' ';' | sed 's/;$//; s/;/; /g'; echo
  echo
  echo "Data: $DOCS generated documents of commune 14701 in ${gen_s} s (bench/documents-generate.sql); see dataset.txt:"
  echo
  echo '```'
  sed -n '1,16p' "$OUT/dataset.txt"
  echo '```'
  echo
  echo "SQL of Documents.search (count + first page of 20) as the app role '$APP_ROLE' under RLS, pgbench -M prepared, ${PG_DURATION}s; scans in EXPLAIN (node, count over all statements): $idx. Rows marked \"owner, no RLS\": the same statements as postgres (superuser, RLS bypassed); scans: $idx_owner (explain-owner.txt)."
  echo
  echo "| query | matches | clients | tps | avg latency ms | CPU app / pgbench / other % |"
  echo "|---|---:|---:|---:|---:|---:|"
  awk -F'\t' 'NR > 1 {printf "| `%s` | %s | 1 | %.1f | %.2f | %s / %s / %s |\n", $1, $2, $3, $4, $5, $6, $7}' "$OUT/pgbench-1client.tsv"
  awk -F'\t' 'NR > 1 {printf "| `%s` | %s | %s | %.1f | %.2f | %s / %s / %s |\n", $1, $3, $2, $4, $5, $6, $7, $8}' "$OUT/pgbench.tsv"
  echo
  echo "HTTP as a signed-in official (yenmo.chutich), wrk ${DURATION}s, $THREADS threads, after ${WARMUP}s warm-up:"
  echo
  echo "| endpoint | conns | req/s | p50 ms | p95 ms | p99 ms | errors / non-2xx | × static | × pgbench (16 clients) | CPU app / wrk / other % |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' -v pg="$OUT/pgbench.tsv" '
    BEGIN {while ((getline l < pg) > 0) {split(l, f, "\t"); tps[f[1]] = f[4]}}
    NR == 1 {next}
    {rows[NR] = $0; if ($2 == "/assets/xaso.css") ref[$3] = $4}
    END {
      for (i = 2; i <= NR; i++) {
        split(rows[i], f, "\t"); x = "–"
        if (f[2] ~ /q=quyet/) x = sprintf("%.3f", f[4] / tps["quyet dinh khai sinh"])
        if (f[2] ~ /q=quet$/) x = sprintf("%.3f", f[4] / tps["quet"])
        if (f[2] == "/documents") x = sprintf("%.3f", f[4] / tps["(register)"])
        printf "| %s `%s` | %s | %.0f | %.2f | %.2f | %.2f | %s / %s | %.3f | %s | %s / %s / %s |\n", f[1], f[2], f[3], f[4], f[5], f[14], f[7], f[9], f[10], f[4] / ref[f[3]], x, f[11], f[12], f[13]
      }
    }' "$OUT/wrk.tsv"
  echo
  echo "CPU columns: share of the machine's $NCPU cores used by the app (java + its PostgreSQL), by the load generator, and by any other process (should be ~0; if not, the figures are lower bounds)."
  echo
  echo "Raw outputs: bench/results/$(basename "$OUT")/ (explain.txt: EXPLAIN (ANALYZE, BUFFERS) of both statements for each query)"
  echo
  echo "Quiet check: $QUIET_BEFORE."
  awk -F'\t' -v max="$QUIET_MAX_OTHER" -v before="$QUIET_BEFORE_STATUS" '
    NR == 1 {next}
    $13 + 0 > max + 0 {disturbed = 1}
    $2 == "/assets/xaso.css" && $3 == 16 {static = $4}
    $2 ~ /q=quyet/ && $3 == 16 {p95 = $14; common = 1}
    $2 == "/documents" && $3 == 16 {register = $4}
    END {
      d = (disturbed || before == "DISTURBED") ? " — **DISTURBED** (other processes above " max " % of the CPU): not a figure of the machine" : ""
      if (common) printf "Goal 3a (issue 15): common-word search p95 at 16 connections %.1f ms (goal ≤ 50 ms) → %s%s.\n", p95, (p95 <= 50 ? "meets" : "**below**"), d
      if (static > 0 && register != "") printf "Goal 3b (issue 15): register page without a query %.0f req/s = %.3f× the static file (goal ≥ 0.3×) → %s%s.\n", register, register / static, (register / static >= 0.3 ? "meets" : "**below**"), d
    }' "$OUT/wrk.tsv"
} > "$OUT/summary.md"
cat "$OUT/summary.md"
