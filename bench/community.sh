#!/usr/bin/env bash
# XaSo community benchmark (issue 16; see bench/README.md). Starts the app jar on a fresh data folder (schema, the
# real 3,321 communes, demo data), then, in the same run:
#  1. Field app sync: the demo team member yenmo.congnghe's phone sends BENCH_SYNC_VISITS (500) queued visits in one
#     POST /community/sync (the most the server takes at once), BENCH_SYNC_ROUNDS times with fresh client ids, then
#     the last batch again (a lost answer: all "already_saved", nothing new). Reference: pgbench of the SQL one
#     visit costs on the server (claim the client id, insert the visit, lock the member, the month's first visit?)
#     as the application role under row-level security. Ratio: visits/s over HTTP ÷ pgbench tps.
#  2. Adoption dashboard over BENCH_COMMUNES (all 3,321) × BENCH_HOUSEHOLDS (1,000) households: generated directly
#     in PostgreSQL (one village per commune, households over two years, one survey for 70 % of them) with the
#     community counters (insight_fact, dated as CommunityMetrics.recount dates them) and their province/nation
#     roll-ups. wrk, signed in: the commune dashboard /insights/14701 (a leader), the province dashboard /insights/37
#     (a province viewer), the village table /community/adoption (1,000 households, from community's tables), beside
#     /assets/xaso.css; pgbench of the SQL each sends (Facts.sums for a stock from 2000-01-01, the province roll-up,
#     SurveyTable.adoption) as the app role. Ratios: req/s ÷ pgbench tps, p95 × static.
# Machine: bench/lib.sh's quiet_check before; after each part the other processes' CPU share (all busy CPU minus the
# app with its PostgreSQL and this script's children); a DISTURBED run is marked.
#
#   BENCH_COMMUNES=5 BENCH_HOUSEHOLDS=20 BENCH_SYNC_VISITS=20 BENCH_SYNC_ROUNDS=2 BENCH_PG_DURATION=2 BENCH_DURATION=2 BENCH_WARMUP=1 bench/community.sh   tiny
#   bench/community.sh                                                                                                 full
# Settings: BENCH_COMMUNES=0 (0 = all), BENCH_HOUSEHOLDS=1000, BENCH_SYNC_VISITS=500, BENCH_SYNC_ROUNDS=5,
#           BENCH_PG_DURATION=10, BENCH_PG_CLIENTS=1, BENCH_DURATION=10, BENCH_WARMUP=3, BENCH_HTTP_CONNECTIONS=1,
#           BENCH_KEEP=0. Raw outputs: bench/results/<stamp>-community/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
COMMUNES=${BENCH_COMMUNES:-0}
HOUSEHOLDS=${BENCH_HOUSEHOLDS:-1000}
SYNC_VISITS=${BENCH_SYNC_VISITS:-500}
SYNC_ROUNDS=${BENCH_SYNC_ROUNDS:-5}
PG_DURATION=${BENCH_PG_DURATION:-10}
PG_CLIENTS=${BENCH_PG_CLIENTS:-1}
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-3}
HTTP_CONNECTIONS=${BENCH_HTTP_CONNECTIONS:-1}
KEEP=${BENCH_KEEP:-0}

BENCH_TAG=bench-community
. bench/lib.sh
use_jdk
ensure_packages wrk:wrk pgbench:postgresql-client psql:postgresql-client curl:curl
need_tools wrk pgbench psql curl awk

find_jar
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=${BENCH_OUT:-"$ROOT/bench/results/$STAMP-community"}
mkdir -p "$OUT"
DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/xaso-bench-community.XXXXXX")
APP_PID=""
APP_PORT=$(free_port) || die "no free port"
DB_PORT=$(free_port "$APP_PORT") || die "no free port"
BASE="http://127.0.0.1:$APP_PORT"
cleanup() {
  local rc=$?
  set +e; trap - EXIT INT TERM
  if [ "$KEEP" = 1 ] && [ $rc -eq 0 ]; then log "kept running: app pid $APP_PID, psql -h 127.0.0.1 -p $DB_PORT -U postgres; data $DATA_DIR"; exit 0; fi
  stop_app_and_db
  rm -rf "$DATA_DIR" "$OUT"/cookies-*.txt
  [ $rc -ne 0 ] && log "failed (exit $rc); raw outputs in $OUT"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "nproc: $(nproc); cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "pgbench: $(pgbench --version)"
  echo "settings: communes=$COMMUNES households=$HOUSEHOLDS sync_visits=$SYNC_VISITS sync_rounds=$SYNC_ROUNDS pg=${PG_DURATION}s/$PG_CLIENTS wrk=${DURATION}s/$HTTP_CONNECTIONS"
} > "$OUT/machine.txt"
quiet_check 5
echo "quiet check: $QUIET_NOTE" >> "$OUT/machine.txt"

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

# The machine's other processes while a part runs: bench/lib.sh's cpu_mark / cpu_other_since count only finished
# children as ours, and the app with its PostgreSQL keeps running, so their CPU (from /proc) is taken off as well.
app_jiffies() {
  local pm kids; pm=$(postmaster_pid)
  kids=$([ -n "$pm" ] && { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v p="$pm" '$4 == p {print $1}')
  # shellcheck disable=SC2086
  for p in "$APP_PID" $pm $kids; do cat "/proc/$p/stat" 2>/dev/null || true; done | awk '{s += $14 + $15 + $16 + $17} END {print s + 0}'
}
app_mark() { read -r -a _APP_MARK <<< "$(_cpu_stat)"; _APP_MARK_APP=$(app_jiffies); _children_cpu_s _APP_MARK_OWN; }
app_other_since() { # what
  local now app own hz
  read -r -a now <<< "$(_cpu_stat)"; app=$(app_jiffies); _children_cpu_s own; hz=$(getconf CLK_TCK)
  _quiet_verdict "$(awk -v bb="$(( now[0] - _APP_MARK[0] ))" -v tt="$(( now[1] - _APP_MARK[1] ))" -v a="$(( app - _APP_MARK_APP ))" \
      -v o0="$_APP_MARK_OWN" -v o1="$own" -v hz="$hz" \
    'BEGIN {o = bb - a - (o1 - o0) * hz; if (o < 0) o = 0; printf "%.0f", (tt > 0 ? 100 * o / tt : 0)}')" "$1"
  log "$QUIET_NOTE"
}

# sign_in user → prints the Cookie header value (session) for wrk/curl
sign_in() {
  local jar="$OUT/cookies-$1.txt" csrf code
  csrf=$(curl -fsS -c "$jar" "$BASE/signin" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  [ -n "$csrf" ] || die "no CSRF token on /signin"
  code=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar" -c "$jar" \
    --data-urlencode "username=$1" --data-urlencode "password=XaSo-2026-demo" --data-urlencode "_csrf=$csrf" "$BASE/signin")
  case "$code" in 302*error*|302*signin*) die "sign-in of $1 failed: $code";; 302*) ;; *) die "sign-in of $1 failed: $code";; esac
  awk '!/^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep = "; "} /^#HttpOnly_/ {sub(/^#HttpOnly_/, ""); printf "%s%s=%s", sep, $6, $7; sep = "; "}' "$jar"
}
# pg_measure name sqlfile → "tps avg_ms" (pgbench as postgres; the scripts set the app role themselves)
pg_measure() {
  local s; s=$(echo "$1" | tr -c 'a-zA-Z0-9\n' '-' | tr -s '-' | sed 's/-$//')
  pgbench -h 127.0.0.1 -p "$DB_PORT" -U postgres -n -M prepared -c "$PG_CLIENTS" -j "$PG_CLIENTS" -T "$PG_DURATION" -f "$2" postgres \
    > "$OUT/pgbench-$s.txt" 2>&1 || { cat "$OUT/pgbench-$s.txt" >&2; die "pgbench failed: $1"; }
  echo "$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/pgbench-$s.txt" | head -1) $(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$OUT/pgbench-$s.txt")"
}

# ---------------------------------------------------------------- 1. field app sync
log "Part 1: sync of $SYNC_VISITS queued visits from one device"
MEMBER_COOKIE=$(sign_in yenmo.congnghe)
FIELD_CSRF=$(curl -fsS -H "Cookie: $MEMBER_COOKIE" "$BASE/community" | grep -o 'data-field-csrf="[^"]*"' | head -1 | sed 's/.*="//; s/"$//')
[ -n "$FIELD_CSRF" ] || die "no field app on /community for yenmo.congnghe"
read -r MEMBER_ID HOUSEHOLD_IDS <<< "$("${PSQL[@]}" -At -F' ' -c "select m.id, string_agg(a.household_id::text, ',' order by a.household_id)
  from community_member m join community_assignment a on a.member_id = m.id where m.username = 'yenmo.congnghe' group by m.id")"
[ -n "$HOUSEHOLD_IDS" ] || die "the demo member has no household"
VISITED_AT=$(TZ=Asia/Ho_Chi_Minh date -d '-1 hour' +%Y-%m-%dT%H:%M)
DEVICE=$(cat /proc/sys/kernel/random/uuid)
make_batch() { # file
  awk -v n="$SYNC_VISITS" -v hh="$HOUSEHOLD_IDS" -v at="$VISITED_AT" -v dev="$DEVICE" 'BEGIN {
    split(hh, h, ","); k = length(h); srand();
    printf "{\"device\":\"%s\",\"entries\":[", dev;
    for (i = 1; i <= n; i++) {
      u = sprintf("%04x%04x-%04x-4%03x-a%03x-%04x%04x%04x", int(rand() * 65536), int(rand() * 65536), int(rand() * 65536), int(rand() * 4096),
        int(rand() * 4096), int(rand() * 65536), int(rand() * 65536), int(rand() * 65536));
      printf "%s{\"clientId\":\"%s\",\"kind\":\"visit\",\"household\":%s,\"visitedAt\":\"%s\",\"actions\":[\"TAUGHT_VIETQR\"],\"outcome\":\"Hướng dẫn thanh toán VietQR (bench %d).\"}", (i > 1 ? "," : ""), u, h[(i % k) + 1], at, i
    }
    print "]}" }' > "$1"
}
visits_now() { "${PSQL[@]}" -At -c "select count(*) from community_visit where member_id = $MEMBER_ID"; }
sync_post() { # file → "http_code seconds"
  curl -sS -o "$OUT/sync-answer.json" -w '%{http_code} %{time_total}' -H "Cookie: $MEMBER_COOKIE" -H "X-CSRF-TOKEN: $FIELD_CSRF" \
    -H 'Content-Type: application/json' -H 'Accept: application/json' --data-binary "@$1" "$BASE/community/sync"
}
v0=$(visits_now)
echo -e "round\thttp\tseconds\tvisits_per_s" > "$OUT/sync.tsv"
app_mark
for r in $(seq 1 "$SYNC_ROUNDS"); do
  make_batch "$OUT/sync-batch.json"
  read -r code secs <<< "$(sync_post "$OUT/sync-batch.json")"
  [ "$code" = 200 ] || { cat "$OUT/sync-answer.json" >&2; die "sync answered $code"; }
  [ "$(grep -o '"saved"' "$OUT/sync-answer.json" | wc -l)" -eq "$SYNC_VISITS" ] || die "not every entry saved: $(head -c 400 "$OUT/sync-answer.json")"
  awk -v r="$r" -v c="$code" -v s="$secs" -v n="$SYNC_VISITS" 'BEGIN {printf "%d\t%s\t%.3f\t%.1f\n", r, c, s, n / s}' >> "$OUT/sync.tsv"
  tail -1 "$OUT/sync.tsv" >&2
done
app_other_since "during the syncs"; SYNC_QUIET="$QUIET_NOTE"
read -r code secs <<< "$(sync_post "$OUT/sync-batch.json")"   # the answer was lost: the same batch again
again_ok=$(grep -o '"already_saved"' "$OUT/sync-answer.json" | wc -l)
v1=$(visits_now)
SYNC_CHECK="visits added $((v1 - v0)) (expected $((SYNC_VISITS * SYNC_ROUNDS))); resent batch: $again_ok of $SYNC_VISITS already_saved"
log "$SYNC_CHECK"
[ $((v1 - v0)) -eq $((SYNC_VISITS * SYNC_ROUNDS)) ] && [ "$again_ok" -eq "$SYNC_VISITS" ] || die "sync check failed: $SYNC_CHECK"
FIRST_HOUSEHOLD=${HOUSEHOLD_IDS%%,*}
cat > "$OUT/pg-visit.sql" <<SQL
begin;
select set_config('app.units', '14701', true);
set local role $APP_ROLE;
insert into community_field_entry (unit_code, client_id, device_id, member_id, username, kind, household_id, made_at, status)
  values ('14701', gen_random_uuid(), '$DEVICE', $MEMBER_ID, 'yenmo.congnghe', 'visit', $FIRST_HOUSEHOLD, now(), 'saved') returning id;
insert into community_visit (unit_code, household_id, member_id, visited_at, actions, outcome)
  values ('14701', $FIRST_HOUSEHOLD, $MEMBER_ID, now() - interval '1 hour', '{TAUGHT_VIETQR}', 'pgbench') returning id;
select id from community_member where id = $MEMBER_ID for update;
select not exists (select 1 from community_visit o where o.member_id = $MEMBER_ID and o.visited_at >= date_trunc('month', now()) and o.id <> 0);
commit;
SQL
read -r PG_VISIT_TPS PG_VISIT_MS <<< "$(pg_measure "one visit's SQL" "$OUT/pg-visit.sql")"

# ---------------------------------------------------------------- 2. adoption dashboard data
log "Part 2: generating $HOUSEHOLDS households in each of ${COMMUNES/#0/all} communes ..."
t0=$(date +%s)
"${PSQL[@]}" -v communes="$COMMUNES" -v households="$HOUSEHOLDS" > "$OUT/generate.txt" 2>&1 <<'SQL' || { tail -30 "$OUT/generate.txt" >&2; die "generation failed"; }
\timing on
set work_mem = '256MB';
create temporary table bench_communes as
  select code from admin_unit where level = 'commune'
  order by (code = '14701') desc, (parent_code = '37') desc, code limit nullif(:communes, 0);
insert into village (commune_code, code, name, type)
  select code, code || '-B1', 'Bench', 'Thôn' from bench_communes on conflict do nothing;
-- households over two years, one survey for 70 % of them (in the following 30 days, at most yesterday)
insert into community_household (unit_code, village_id, head_name, head_key, head_birth_year, address, consent_what, consent_on,
  consent_by, created_by, created_at)
select c.code, v.id, 'Hộ ' || n, 'ho ' || n, 1940 + n % 60, 'Bench', 'Khảo sát', current_date - 730 + n % 700, 'bench', 'bench',
       (current_date - 730 + (n * 7919) % 700)::timestamp at time zone 'Asia/Ho_Chi_Minh' + interval '9 hours'
from bench_communes c join village v on v.code = c.code || '-B1' cross join generate_series(1, :households) n;
insert into community_survey (unit_code, household_id, surveyed_on, smartphones, internet, e_payment, vneid_level2, uses_app,
  in_zalo_group, main_barrier, recorded_by, recorded_at)
select h.unit_code, h.id, (h.created_at at time zone 'Asia/Ho_Chi_Minh')::date + 3, (h.id % 4)::int,
       (array['fibre', 'mobile', 'none'])[1 + (h.id % 3)::int], h.id % 10 < 6, h.id % 10 < 5, h.id % 10 < 3, h.id % 2 = 0, 'none', 'bench',
       h.created_at + interval '3 days'
from community_household h join bench_communes c on c.code = h.unit_code where h.created_by = 'bench' and h.id % 10 < 7;
-- the counters, dated as CommunityMetrics.recount dates them (one survey per household: its change is its answers)
insert into insight_fact (unit_code, day, metric, value)
select unit_code, day, metric, sum(v) from (
  select unit_code, (created_at at time zone 'Asia/Ho_Chi_Minh')::date as day, 'community.households' as metric, 1 as v
    from community_household where created_by = 'bench'
  union all
  select s.unit_code, (s.recorded_at at time zone 'Asia/Ho_Chi_Minh')::date, m.metric, m.v
  from community_survey s cross join lateral (values ('community.households_smartphone', (s.smartphones > 0)::int),
    ('community.households_e_payment', s.e_payment::int), ('community.households_vneid', s.vneid_level2::int),
    ('community.households_app', s.uses_app::int)) m(metric, v)
  where s.recorded_by = 'bench') x
group by 1, 2, 3 having sum(v) <> 0
on conflict (unit_code, metric, day) do update set value = insight_fact.value + excluded.value;
select insight_rollup_refill(min(day), max(day),
         (select array_agg(code order by code) from admin_unit where level = 'commune'),
         (select array_agg(province_code order by code) from admin_unit where level = 'commune'))
  from insight_fact where metric like 'community.%';
analyze community_household; analyze community_survey; analyze insight_fact; analyze insight_rollup;
select (select count(*) from community_household) as households, (select count(*) from community_survey) as surveys,
       (select count(*) from insight_fact where metric like 'community.%') as community_fact_rows;
SQL
GEN_S=$(( $(date +%s) - t0 ))
log "generated in ${GEN_S}s: $(awk -F'|' 'NF == 3 && $1 ~ /^ *[0-9]+ *$/ {printf "%d households, %d surveys, %d counter rows", $1, $2, $3}' "$OUT/generate.txt" | tail -1)"
YEN_MO_VILLAGE=$("${PSQL[@]}" -At -c "select id from village where code = '14701-B1'")
STOCK_METRICS="community.households,community.households_smartphone,community.households_e_payment,community.households_vneid,community.households_app,community.households_coded"
cat > "$OUT/pg-commune.sql" <<SQL
begin; select set_config('app.units', '14701', true); set local role $APP_ROLE;
select metric, sum(value) from insight_fact where metric = any('{$STOCK_METRICS}'::text[]) and day between '2000-01-01' and current_date and unit_code = any('{14701}'::text[]) group by metric;
commit;
SQL
cat > "$OUT/pg-province.sql" <<SQL
begin; select set_config('app.units', '*', true); set local role $APP_ROLE;
select unit_code, metric, sum(value) from insight_rollup where day between '2000-01-01' and current_date and unit_code = any('{37}'::text[]) and metric = any('{$STOCK_METRICS}'::text[]) group by unit_code, metric;
commit;
SQL
cat > "$OUT/pg-adoption.sql" <<SQL
begin; select set_config('app.units', '14701', true); set local role $APP_ROLE;
select h.village_id, count(*), count(l.id), count(*) filter (where l.smartphones > 0), count(*) filter (where l.e_payment),
  count(*) filter (where l.vneid_level2), count(*) filter (where l.uses_app), count(*) filter (where h.address_coded_at is not null)
from community_household h
left join lateral (select s.id, s.smartphones, s.e_payment, s.vneid_level2, s.uses_app from community_survey s
  where s.household_id = h.id order by s.surveyed_on desc, s.id desc limit 1) l on true
where h.unit_code = '14701' and ($YEN_MO_VILLAGE::bigint is null or h.village_id = $YEN_MO_VILLAGE) group by h.village_id;
commit;
SQL
read -r PG_COMMUNE_TPS _ <<< "$(pg_measure "commune stock sums" "$OUT/pg-commune.sql")"
read -r PG_PROVINCE_TPS _ <<< "$(pg_measure "province roll-up" "$OUT/pg-province.sql")"
read -r PG_ADOPTION_TPS _ <<< "$(pg_measure "adoption by village" "$OUT/pg-adoption.sql")"

LEADER_COOKIE=$(sign_in yenmo.chutich)
PROVINCE_COOKIE=$(sign_in ninhbinh.tinh)
ENDPOINTS=(
  "static asset (reference)|$LEADER_COOKIE|/assets/xaso.css|"
  "commune dashboard|$LEADER_COOKIE|/insights/14701|$PG_COMMUNE_TPS"
  "province dashboard|$PROVINCE_COOKIE|/insights/37|$PG_PROVINCE_TPS"
  "adoption by village|$LEADER_COOKIE|/community/adoption|$PG_ADOPTION_TPS"
)
grep_check() { curl -sS -H "Cookie: $2" -o "$OUT/check.out" -w '%{http_code}' "$BASE$1"; }
for e in "${ENDPOINTS[@]}"; do
  IFS='|' read -r name cookie path _ <<< "$e"
  [ "$(grep_check "$path" "$cookie")" = 200 ] || die "$path did not answer 200"
done
grep_check /insights/14701 "$LEADER_COOKIE" >/dev/null; grep -q 'Hộ có điện thoại thông minh' "$OUT/check.out" || die "no adoption indicator on the commune dashboard"
echo -e "name\tpath\treq_per_s\tp50_ms\tp95_ms\tnon2xx\tpgbench_tps\tx_pgbench" > "$OUT/wrk.tsv"
app_mark
for e in "${ENDPOINTS[@]}"; do
  IFS='|' read -r name cookie path pg <<< "$e"
  wrk -t1 -c"$HTTP_CONNECTIONS" -d"$WARMUP"s -H "Cookie: $cookie" "$BASE$path" > /dev/null 2>&1 || true
  log "wrk ${DURATION}s: GET $path"
  wrk -t1 -c"$HTTP_CONNECTIONS" -d"$DURATION"s --timeout 10s --latency -H "Cookie: $cookie" -s "$ROOT/bench/report.lua" "$BASE$path" > "$OUT/wrk.txt" 2>&1 \
    || { cat "$OUT/wrk.txt" >&2; die "wrk failed for $path"; }
  line=$(grep '^BENCH ' "$OUT/wrk.txt") || die "no BENCH line for $path"
  eval "$(echo "${line#BENCH }" | tr ' ' '\n' | sed 's/^/w_/')"
  # shellcheck disable=SC2154
  awk -v n="$name" -v p="$path" -v r="$w_requests" -v d="$w_duration_us" -v p50="$w_p50_us" -v p95="$w_p95_us" -v st="$w_err_status" -v pg="$pg" \
    'BEGIN {rps = r / (d / 1e6); printf "%s\t%s\t%.1f\t%.2f\t%.2f\t%d\t%s\t%s\n", n, p, rps, p50 / 1e3, p95 / 1e3, st, (pg == "" ? "-" : sprintf("%.1f", pg)), (pg > 0 ? sprintf("%.3f", rps / pg) : "-")}' >> "$OUT/wrk.tsv"
  tail -1 "$OUT/wrk.tsv" >&2
done
app_other_since "during wrk"; WRK_QUIET="$QUIET_NOTE"

# ---------------------------------------------------------------- summary
{
  echo "## XaSo community benchmark $(basename "$OUT")"
  echo
  sed -n '3p' "$OUT/machine.txt"; echo
  echo "Machine: $(sed -n 's/^quiet check: //p' "$OUT/machine.txt"); syncs: $SYNC_QUIET; dashboards: $WRK_QUIET."
  echo
  echo "### Sync of $SYNC_VISITS queued visits from one device ($SYNC_ROUNDS rounds)"
  echo
  echo "| round | seconds | visits/s |"; echo "|---:|---:|---:|"
  awk -F'\t' 'NR > 1 {printf "| %s | %s | %s |\n", $1, $3, $4}' "$OUT/sync.tsv"
  awk -F'\t' -v pg="$PG_VISIT_TPS" -v pgms="$PG_VISIT_MS" -v v="$SYNC_VISITS" 'NR > 1 {s += $3; n++}
    END {m = s / n; printf "\nMean %.3f s per sync (%.1f visits/s); pgbench, the SQL of one visit as the app role: %.1f tps (%s ms) → **× pgbench %.2f**.\n", m, v / m, pg, pgms, (v / m) / pg}' "$OUT/sync.tsv"
  echo
  echo "Check: $SYNC_CHECK."
  echo
  echo "### Adoption dashboard over $("${PSQL[@]}" -At -c "select count(distinct unit_code) from community_household where created_by = 'bench'") communes × $HOUSEHOLDS households (generated in ${GEN_S} s)"
  echo
  echo "| endpoint | req/s | p50 ms | p95 ms | non-2xx | pgbench tps (same SQL) | × pgbench | p95 × static |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' 'NR == 1 {next} {rows[NR] = $0; if ($2 == "/assets/xaso.css") sp = $5}
    END {for (i = 2; i <= NR; i++) {split(rows[i], f, "\t"); printf "| %s `%s` | %s | %s | %s | %s | %s | %s | %.1f |\n", f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], (sp > 0 ? f[5] / sp : 0)}}' "$OUT/wrk.tsv"
} > "$OUT/summary.md"
cat "$OUT/summary.md"
