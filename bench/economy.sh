#!/usr/bin/env bash
# XaSo commune shop benchmark (issue 17; docs/performance.md, "Commune shop"). Starts one instance from the jar on a
# fresh data folder with the demo (Xã Yên Mô's cooperative and its OCOP product), then, in the same run:
#  1. the public product page /x/14701/cho/san-pham/{id} (schema.org data, OCOP badge, order form) with wrk, beside
#     the static stylesheet /assets/xaso.css through the same Tomcat and filters: req/s and the ratio page ÷ static;
#  2. order placement over HTTP as a buyer does it: the product page's real form (anonymous session, its CSRF token —
#     the one-time form value the idempotency filter keys on), POSTed by wrk (bench/economy-order.lua) with a new
#     buyer name each time, so every request places an order (cash on delivery, pick-up): orders/s; then the orders
#     added are counted (no request lost, none twice). Reference: pgbench replaying the SQL one placement sends
#     (the idempotency claim and completion, the product and producer reads, the conditional stock decrement, the
#     order, the audit chain, the two notices, the event publications, and after the commit the counters'
#     transaction) as the application role under row-level security: ratio orders/s ÷ pgbench tps.
# Machine: bench/lib.sh's quiet_check before; load average and the busiest processes (other-load.txt) before and after
# each part; the other processes' CPU share during each part (all busy CPU minus the app with its PostgreSQL and this
# script's children); a part over QUIET_MAX_OTHER (10 %) is marked DISTURBED.
#
#   BENCH_DURATION=3 BENCH_WARMUP=1 BENCH_PG_DURATION=2 bench/economy.sh     smoke (a few seconds per part)
#   bench/economy.sh                                                         full (run it on a quiet machine)
# Settings: BENCH_DURATION=20, BENCH_WARMUP=5, BENCH_THREADS=2, BENCH_CONNECTIONS=16 (page), BENCH_ORDER_CONNECTIONS=8,
#           BENCH_PG_DURATION=10, BENCH_PG_CLIENTS=8, BENCH_REBUILD=0, BENCH_START_SECONDS=360 (start-up limit),
#           BENCH_ATTACH_PORTS=app:db (measure an instance already running with the demo instead of starting one; its
#           PostgreSQL's CPU then counts as other processes'), BENCH_ATTACH_PID (that instance's JVM).
# Raw outputs: bench/results/<stamp>-economy/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# the settings above, with their defaults
read -r DURATION WARMUP THREADS CONNECTIONS ORDER_CONNECTIONS PG_DURATION PG_CLIENTS <<< "${BENCH_DURATION:-20} ${BENCH_WARMUP:-5} \
${BENCH_THREADS:-2} ${BENCH_CONNECTIONS:-16} ${BENCH_ORDER_CONNECTIONS:-8} ${BENCH_PG_DURATION:-10} ${BENCH_PG_CLIENTS:-8}"
export REBUILD=${BENCH_REBUILD:-0}

BENCH_TAG=bench-economy
. bench/lib.sh
use_jdk && ensure_packages wrk:wrk pgbench:postgresql-client psql:postgresql-client curl:curl && need_tools wrk pgbench psql curl awk
find_jar
quiet_check 5; QUIET_BEFORE=$QUIET_NOTE

bench_run_folders economy
cleanup() { bench_cleanup $?; }
trap cleanup EXIT
trap 'exit 130' INT TERM

machine_txt "settings: duration=${DURATION}s warmup=${WARMUP}s threads=$THREADS connections=$CONNECTIONS order_connections=$ORDER_CONNECTIONS pg=${PG_DURATION}s/$PG_CLIENTS"
cat "$OUT/machine.txt" >&2
other_load "before start"

if [ -n "${BENCH_ATTACH_PORTS:-}" ]; then
  # an instance already running with the demo ("app_port:db_port"; BENCH_ATTACH_PID: its JVM, counted as ours)
  APP_PORT=${BENCH_ATTACH_PORTS%%:*}; DB_PORT=${BENCH_ATTACH_PORTS##*:}; BASE="http://127.0.0.1:$APP_PORT"; ATTACHED_PID=${BENCH_ATTACH_PID:-}
  log "attached to $BASE (PostgreSQL on $DB_PORT); it is left running"
else
  start_app "${BENCH_START_SECONDS:-360}"
fi
PSQL=(psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres -X -v ON_ERROR_STOP=1 -q -At)
APP_ROLE=xaso_app
# the demo's products are added by a runner after start
PRODUCT=""
for i in $(seq 1 300); do
  PRODUCT=$("${PSQL[@]}" -c "select id from economy_product where unit_code = '14701' and name = 'Chuối tây sấy dẻo Yên Hòa'" 2>/dev/null || true)
  [ -n "$PRODUCT" ] && break; sleep 0.2
done
[ -n "$PRODUCT" ] || die "the demo product did not appear"
# enough stock for every order of the run (a placement takes 1)
"${PSQL[@]}" -c "select set_config('app.units', '14701', false); update economy_product set stock = 1000000 where id = $PRODUCT" > /dev/null
PAGE="/x/14701/cho/san-pham/$PRODUCT"
PRODUCER=$("${PSQL[@]}" -c "select producer_id from economy_product where id = $PRODUCT")

# CPU of the app with its PostgreSQL is ours, not "other" (as bench/community.sh)
app_jiffies() {
  local pm; pm=$(postmaster_pid)
  # shellcheck disable=SC2046
  proc_jiffies "${APP_PID:-${ATTACHED_PID:-}}" $pm $(children_of "$pm")
}
app_mark() { read -r -a _APP_MARK <<< "$(_cpu_stat)"; _APP_MARK_APP=$(app_jiffies); _children_cpu_s _APP_MARK_OWN; }
app_other_since() { # what
  local now app own
  read -r -a now <<< "$(_cpu_stat)"; app=$(app_jiffies); _children_cpu_s own
  _quiet_verdict "$(awk -v bb="$(( now[0] - _APP_MARK[0] ))" -v tt="$(( now[1] - _APP_MARK[1] ))" -v a="$(( app - _APP_MARK_APP ))" \
      -v o0="$_APP_MARK_OWN" -v o1="$own" -v hz="$CLK_TCK" \
    'BEGIN {o = bb - a - (o1 - o0) * hz; if (o < 0) o = 0; printf "%.0f", (tt > 0 ? 100 * o / tt : 0)}')" "$1"
  log "$QUIET_NOTE"
}
# wrk_run name connections path [script] → appends "name|path|req/s|p50 ms|p99 ms|non-2xx/3xx" to summary.psv
wrk_run() {
  local name=$1 conns=$2 path=$3 script=${4:-"$ROOT/bench/report.lua"} line
  wrk -t"$THREADS" -c"$conns" -d"${WARMUP}s" -s "$script" "$BASE$path" > /dev/null 2>&1 || true
  wrk -t"$THREADS" -c"$conns" -d"${DURATION}s" --timeout 10s --latency -s "$script" "$BASE$path" > "$OUT/$name.txt" 2>&1 \
    || { cat "$OUT/$name.txt" >&2; die "wrk failed for $path"; }
  line=$(grep '^BENCH ' "$OUT/$name.txt") || die "no BENCH line for $path"
  eval "$(echo "${line#BENCH }" | tr ' ' '\n' | sed 's/^/w_/')"
  # shellcheck disable=SC2154
  awk -v n="$name" -v p="$path" -v r="$w_requests" -v d="$w_duration_us" -v p50="$w_p50_us" -v p99="$w_p99_us" -v st="$w_err_status" \
    'BEGIN {printf "%s|%s|%.1f|%.2f|%.2f|%d\n", n, p, r / (d / 1e6), p50 / 1e3, p99 / 1e3, st}' >> "$OUT/summary.psv"
  log "$(tail -1 "$OUT/summary.psv")"
  W_REQUESTS=$w_requests
}
: > "$OUT/summary.psv"

# ---------------------------------------------------------------- 1. the public product page
[ "$(curl -sS -o "$OUT/page.html" -w '%{http_code}' "$BASE$PAGE")" = 200 ] || die "$PAGE did not answer 200"
grep -q '"@type":"Product"' "$OUT/page.html" || grep -q 'schema.org' "$OUT/page.html" || die "no schema.org Product data on $PAGE"
log "Part 1: $PAGE beside the static stylesheet, wrk ${DURATION}s × $CONNECTIONS connections"
app_mark
wrk_run static "$CONNECTIONS" /assets/xaso.css
wrk_run product-page "$CONNECTIONS" "$PAGE"
app_other_since "product page"; PAGE_QUIET=$QUIET_NOTE
other_load "after the product page"

# ---------------------------------------------------------------- 2. order placement over HTTP
JAR_BUYER="$OUT/cookies.txt"
CSRF=$(curl -fsS -c "$JAR_BUYER" "$BASE$PAGE" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
[ -n "$CSRF" ] || die "no form token on $PAGE"
BUYER_COOKIE=$(awk '!/^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep = "; "} /^#HttpOnly_/ {sub(/^#HttpOnly_/, ""); printf "%s%s=%s", sep, $6, $7; sep = "; "}' "$JAR_BUYER")
CSRF_ENC=$(printf '%s' "$CSRF" | jq -sRr @uri 2>/dev/null || printf '%s' "$CSRF" | sed 's/+/%2B/g; s/\//%2F/g; s/=/%3D/g')
ORDER_PATH="$PAGE/dat-hang"
# one order by hand first: the form answers with the order's page, and the same POST again (a double click) replays it
one=(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -H "Cookie: $BUYER_COOKIE" --data "_csrf=$CSRF_ENC&quantity=1&buyerName=Kh%C3%A1ch+th%E1%BB%AD&buyerPhone=0988000017&delivery=PICKUP&payment=CASH" "$BASE$ORDER_PATH")
first=$("${one[@]}"); again=$("${one[@]}")
case "$first" in 302*/cho/don/*) ;; *) die "the order form did not place an order: $first";; esac
[ "$first" = "$again" ] || die "the same form twice was not answered with the same order: $first / $again"
orders_now() { "${PSQL[@]}" -c "select set_config('app.units', '14701', false) is null; select count(*) from economy_order where product_id = $PRODUCT" | tail -1; }
o0=$(orders_now)
log "Part 2: order placement, wrk ${DURATION}s × $ORDER_CONNECTIONS connections"
app_mark
XASO_PATH="$ORDER_PATH" XASO_COOKIE="$BUYER_COOKIE" XASO_CSRF="$CSRF_ENC" wrk_run orders "$ORDER_CONNECTIONS" "$ORDER_PATH" "$ROOT/bench/economy-order.lua"
MEASURED=$W_REQUESTS
sleep 1
o1=$(orders_now)
ORDER_CHECK="orders added during warm-up and run: $((o1 - o0)); measured requests: $MEASURED"
log "$ORDER_CHECK"
[ $((o1 - o0)) -ge "$MEASURED" ] || die "fewer orders than answered requests: $ORDER_CHECK"

cat > "$OUT/pg-order.sql" <<SQL
-- the SQL of one placement (PlacingOrders.place behind the idempotency filter), as the application role
begin;
select set_config('app.units', '14701', true);
set local role $APP_ROLE;
insert into platform_idempotency (scope, idem_key, fingerprint, status) values ('anonymous', 'form:' || gen_random_uuid(), md5(random()::text), 'in_progress') returning idem_key \gset
select p.id, p.unit_code, p.producer_id, r.name, p.name, p.price_vnd, p.stock, p.listed,
       array(select f.id from economy_photo f where f.product_id = p.id order by f.id)
  from economy_product p join economy_producer r on r.id = p.producer_id where p.unit_code = '14701' and p.id = $PRODUCT and p.listed and r.verified_at is not null;
select id, name, bank_bin, account_number, account_name, phone, contact_name, verified_at from economy_producer where unit_code = '14701' and id = $PRODUCER;
update economy_product set stock = stock - 1 where id = $PRODUCT and stock >= 1;
insert into economy_order (unit_code, code, product_id, producer_id, product_name, buyer_name, buyer_phone, quantity, unit_price_vnd, amount_vnd, delivery, address, payment, status)
  select '14701', upper(substr(md5(random()::text), 1, 12)), $PRODUCT, $PRODUCER, name, 'Khách pgbench', '0988000017', 1, price_vnd, price_vnd, 'PICKUP', null, 'CASH', 'PLACED'
  from economy_product where id = $PRODUCT returning id as order_id, code as order_code \gset
select o.*, p.id from economy_order o join economy_product p on p.id = o.product_id where o.unit_code = '14701' and o.code = :order_code::text;
insert into audit_chain_head (unit_code, seq, hash) values ('14701', 0, repeat('0', 64))
  on conflict (unit_code) do update set seq = audit_chain_head.seq returning seq as head_seq, hash as head_hash \gset
insert into audit_entry (unit_code, seq, at, actor, action, object_type, object_id, before_summary, after_summary, prev_hash, hash)
  values ('14701', :head_seq::bigint + 1, now(), 'buyer', 'economy.order.placed', 'order', :order_id::text, null,
          :order_code::text || ' Chuối tây sấy dẻo Yên Hòa x1 45000 VND CASH PICKUP', :head_hash::text, md5(:order_code::text));
update audit_chain_head set seq = :head_seq::bigint + 1, hash = md5(:order_code::text) where unit_code = '14701';
insert into event_publication (id, event_type, listener_id, publication_date, serialized_event)
  values (gen_random_uuid(), 'vn.xaso.platform.metrics.MetricEvent', 'vn.xaso.insights.internal.MetricEventListener.on(vn.xaso.platform.metrics.MetricEvent)', now(),
          '{"id":"' || gen_random_uuid() || '","unitCode":"14701","day":"' || current_date || '","deltas":{"economy.orders":1,"economy.orders_value_vnd":45000},"at":"' || translate(to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24"h"MI"h"SS.US"Z"'), 'h', chr(58)) || '"}')
  returning id as pub_id \gset
insert into notify_delivery (unit_code, dedupe_key, channel, recipient_key, address, recipient_masked, template, params, subject, body, short_text, link, status)
  select '14701', 'economy-order-' || :order_id::text || '-PLACED-' || w, 'SMS', 'phone:' || w, '0988000017', '098****017', 'economy.notice.' || w || '.PLACED',
         '{"code":"X"}'::jsonb, 'Đơn hàng', 'Đơn hàng ' || :order_code::text || ' đã đặt', 'Đơn hàng ' || :order_code::text, '/x/14701/cho/don/' || :order_code::text, 'queued'
  from unnest(array['buyer', 'producer']) w;
update platform_idempotency set status = 'done', response_status = 302, response_location = '/x/14701/cho/don/' || :order_code::text
  where scope = 'anonymous' and idem_key = :idem_key::text;
commit;
-- after the commit: the counters' own transaction (MetricEventListener → Facts.apply: the event id, the commune's daily
-- and monthly counters, the province's and nation's roll-ups — here in one statement), then the publication completed
begin;
select set_config('app.units', '14701,37,VN', true);
set local role $APP_ROLE;
with e as (insert into insight_applied_event (event_id, unit_code) values (gen_random_uuid(), '14701') on conflict do nothing returning 1),
d as (select * from unnest(array['economy.orders', 'economy.orders_value_vnd']::text[], array[1, 45000]::bigint[]) with ordinality as d(metric, value, i)),
f as (insert into insight_fact (unit_code, day, metric, value)
  select '14701', (now() at time zone 'Asia/Ho_Chi_Minh')::date, metric, value from d, e order by i
  on conflict (unit_code, metric, day) do update set value = insight_fact.value + excluded.value),
m as (insert into insight_month (unit_code, month, metric, value)
  select '14701', date_trunc('month', now() at time zone 'Asia/Ho_Chi_Minh')::date, metric, value from d, e order by i
  on conflict (unit_code, metric, month) do update set value = insight_month.value + excluded.value)
insert into insight_rollup (unit_code, day, metric, value)
  select u, (now() at time zone 'Asia/Ho_Chi_Minh')::date, metric, value from unnest(array['37', 'VN']) u, d, e order by u, i
  on conflict (unit_code, metric, day) do update set value = insight_rollup.value + excluded.value;
commit;
update event_publication set completion_date = now() where id = :pub_id::uuid;
SQL
log "Part 2: pgbench of one placement's SQL, ${PG_DURATION}s × $PG_CLIENTS clients"
app_mark
pgbench -h 127.0.0.1 -p "$DB_PORT" -U postgres -n -M prepared -c "$PG_CLIENTS" -j "$PG_CLIENTS" -T "$PG_DURATION" -f "$OUT/pg-order.sql" postgres \
  > "$OUT/pgbench-order.txt" 2>&1 || { cat "$OUT/pgbench-order.txt" >&2; die "pgbench failed"; }
PG_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/pgbench-order.txt" | head -1)
app_other_since "orders and pgbench"; ORDER_QUIET=$QUIET_NOTE
other_load "after the orders"

# ---------------------------------------------------------------- summary
static=$(awk -F'|' '$1 == "static" {print $3}' "$OUT/summary.psv")
{
  echo
  echo "## Commune shop $(basename "$OUT") (bench/economy.sh)"
  echo
  echo "One instance (\`-Xmx512m -XX:+UseSerialGC\`, embedded PostgreSQL, demo data), $(nproc) cores; ${DURATION} s per wrk run after ${WARMUP} s warm-up."
  echo "Machine: $QUIET_BEFORE; $PAGE_QUIET; $ORDER_QUIET."
  echo
  echo "| endpoint | connections | req/s | p50 ms | p99 ms | non-2xx/3xx | ratio |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  while IFS='|' read -r name path rps p50 p99 bad; do
    case "$name" in
      static) conns=$CONNECTIONS; label="GET \`$path\` (static, reference)"; ratio="1";;
      product-page) conns=$CONNECTIONS; label="GET \`$path\` (product page)"
        ratio="$(awk -v a="$rps" -v b="$static" 'BEGIN {printf "%.3f", (b > 0 ? a / b : 0)}') × static";;
      orders) conns=$ORDER_CONNECTIONS; label="POST \`$path\` (order form)"
        ratio="$(awk -v a="$rps" -v b="$PG_TPS" 'BEGIN {printf "%.3f", (b > 0 ? a / b : 0)}') × pgbench of its SQL ($PG_TPS tps, $PG_CLIENTS clients)";;
    esac
    echo "| $label | $conns | $rps | $p50 | $p99 | $bad | $ratio |"
  done < "$OUT/summary.psv"
  echo
  echo "Check: $ORDER_CHECK; the same form sent twice was answered with the same order."
} > "$OUT/summary.md"
cat "$OUT/summary.md"
log "done; raw outputs in $OUT"
