#!/usr/bin/env bash
# XaSo smart-farm benchmark (issue 18; docs/performance.md, "Smart farms"). One instance from the jar (-Xmx512m,
# embedded PostgreSQL, demo data) on a fresh data folder; in the same run:
#  0. provisioning: the instance is started once (demo accounts), stopped, and `provision-devices` registers
#     BENCH_DEVICES sensors for the demo farmer yenmo.htx (a new farm; each sensor with the rule "temperature above 32,
#     cleared below 30, at once") through the farm module's use case; their credentials go to $OUT/devices.csv (mode
#     600, removed at the end). Then the instance is started again: its broker starts with the devices.
#  1. raw: `simulate-devices --mode=raw` — BENCH_RAW_DEVICES devices each publishing, one message in flight, as fast
#     as the broker acknowledges, to its own ack topic a message that is not a command answer. It goes through the
#     same broker, sign-in session, topic rules, interceptor and farm worker lanes as telemetry (including the
#     per-message "not revoked" read); nothing is stored. Messages/s = the broker's raw publish rate in this run.
#  2. telemetry: `simulate-devices` — BENCH_DEVICES devices at BENCH_RATE messages/s each for BENCH_DURATION s, every
#     BENCH_HOT_EVERY-th message of a device 35 °C (the alarm probe). Stored = messages reaching farm_reading (rows of
#     the key temperature: one per message) per second over the run; backlog = messages acknowledged by the broker
#     and not stored when the simulator stops, and how long they take to drain. Ratio = stored/s ÷ raw/s (the same
#     broker, same run). Alarm latency: from the hot reading's own time (set by the simulator at publish) to the
#     notice row of the alarm (notify_delivery.created_at: the start of the transaction that stored it), p50/p95/max.
# Plus the load average and busiest processes (other-load.txt), other processes' CPU share during each part, the
# JVM's heap after the run (jcmd GC.heap_info). Verdict: "holds" when stored/s ≥ 0.98 × offered and the backlog drains.
#
#   BENCH_DEVICES=100 BENCH_DURATION=30 BENCH_RAW_SECONDS=10 bench/farm.sh     smoke
#   bench/farm.sh                                                              full: 1,000 devices × 1 msg/s, 180 s
# Settings: BENCH_DEVICES=1000, BENCH_RATE=1, BENCH_DURATION=180, BENCH_HOT_EVERY=120, BENCH_RAW_DEVICES=100,
#           BENCH_RAW_SECONDS=30, BENCH_REBUILD=0, BENCH_START_SECONDS=360. Raw outputs: bench/results/<stamp>-farm/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
read -r DEVICES RATE DURATION HOT RAW_DEVICES RAW_SECONDS <<< "${BENCH_DEVICES:-1000} ${BENCH_RATE:-1} ${BENCH_DURATION:-180} \
${BENCH_HOT_EVERY:-120} ${BENCH_RAW_DEVICES:-100} ${BENCH_RAW_SECONDS:-30}"
export REBUILD=${BENCH_REBUILD:-0}

BENCH_TAG=bench-farm
. bench/lib.sh
use_jdk && ensure_packages psql:postgresql-client curl:curl && need_tools psql curl awk
find_jar
quiet_check 5; QUIET_BEFORE=$QUIET_NOTE

bench_run_folders farm
MQTT_PORT=$(free_port "$APP_PORT") || die "no free port"
cleanup() { rm -f "$OUT/devices.csv"; bench_cleanup $?; }
trap cleanup EXIT
trap 'exit 130' INT TERM

machine_txt "settings: devices=$DEVICES rate=$RATE/s duration=${DURATION}s hot_every=$HOT raw_devices=$RAW_DEVICES raw=${RAW_SECONDS}s"
other_load "before start"
PSQL=(psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres -X -v ON_ERROR_STOP=1 -q -At)
MQTT=(--xaso.farm.mqtt.port="$MQTT_PORT" --xaso.farm.mqtt.bind-address=127.0.0.1)
app_jiffies() { local pm; pm=$(postmaster_pid); proc_jiffies "${APP_PID:-}" $pm $(children_of "$pm"); }
app_mark() { read -r -a _APP_MARK <<< "$(_cpu_stat)"; _APP_MARK_APP=$(app_jiffies); _children_cpu_s _APP_MARK_OWN; }
app_other_since() {
  local now app own
  read -r -a now <<< "$(_cpu_stat)"; app=$(app_jiffies); _children_cpu_s own
  _quiet_verdict "$(awk -v bb="$(( now[0] - _APP_MARK[0] ))" -v tt="$(( now[1] - _APP_MARK[1] ))" -v a="$(( app - _APP_MARK_APP ))" \
      -v o0="$_APP_MARK_OWN" -v o1="$own" -v hz="$CLK_TCK" \
    'BEGIN {o = bb - a - (o1 - o0) * hz; if (o < 0) o = 0; printf "%.0f", (tt > 0 ? 100 * o / tt : 0)}')" "$1"
  log "$QUIET_NOTE"
}
sim() { "$JAVA_HOME/bin/java" -Xmx512m -jar "$jar" simulate-devices --broker="tcp://127.0.0.1:$MQTT_PORT" --devices="$OUT/devices.csv" "$@"; }

# ---------------------------------------------------------------- 0. the demo, then the devices
start_app "${BENCH_START_SECONDS:-360}" "${MQTT[@]}"
for i in $(seq 1 300); do
  [ "$("${PSQL[@]}" -c "select count(*) from identity_account where username = 'yenmo.htx'" 2>/dev/null || echo 0)" = 1 ] && break; sleep 0.2
done
stop_app_and_db
log "provision-devices: $DEVICES sensors"
"$JAVA_HOME/bin/java" -Xmx512m -jar "$jar" provision-devices --xaso.data-dir="$DATA_DIR" --xaso.db.embedded-port="$DB_PORT" \
  --unit=14701 --owner=yenmo.htx --count="$DEVICES" --out="$OUT/devices.csv" --alarm-above=32 --alarm-clear=30 \
  > "$OUT/provision.txt" 2>&1 || { tail -30 "$OUT/provision.txt" >&2; die "provision-devices failed"; }
FARM=$(sed -n '2s#^[^,]*,[^,]*,xaso/[^/]*/farm/\([0-9]*\)/.*#\1#p' "$OUT/devices.csv")
[ -n "$FARM" ] || die "no farm in devices.csv"
start_app "${BENCH_START_SECONDS:-360}" "${MQTT[@]}"
for i in $(seq 1 600); do port_in_use "$MQTT_PORT" && break; sleep 0.1; done
port_in_use "$MQTT_PORT" || die "the broker did not open $MQTT_PORT"
stored() { "${PSQL[@]}" -c "select count(*) from farm_reading r join farm_device d on d.id = r.device_id where d.farm_id = $FARM and r.key = 'temperature'"; }

# ---------------------------------------------------------------- 1. raw
log "Part 1: raw publish rate, $RAW_DEVICES devices, ${RAW_SECONDS}s"
app_mark
sim --mode=raw --count="$RAW_DEVICES" --duration="$RAW_SECONDS" --report=10 > "$OUT/raw.txt" 2>&1 || { tail -20 "$OUT/raw.txt" >&2; die "raw run failed"; }
RAW=$(sed -n 's/^TOTAL .*acked_per_s=\([0-9.]*\).*/\1/p' "$OUT/raw.txt")
app_other_since "raw"; RAW_QUIET=$QUIET_NOTE
other_load "after the raw part"

# ---------------------------------------------------------------- 2. telemetry
log "Part 2: $DEVICES devices × $RATE msg/s for ${DURATION}s"
s0=$(stored); t0=$(date +%s.%N)
app_mark
( while sleep 10; do echo "$(date +%s) $(stored)"; done ) > "$OUT/stored.txt" 2>/dev/null &
SAMPLER=$!
sim --count="$DEVICES" --rate="$RATE" --duration="$DURATION" --report=10 --hot-every="$HOT" > "$OUT/telemetry.txt" 2>&1 || log "the simulator reported failures (telemetry.txt)"
s1=$(stored); t1=$(date +%s.%N)
kill "$SAMPLER" 2>/dev/null || true
app_other_since "telemetry"; TEL_QUIET=$QUIET_NOTE
ACKED=$(sed -n 's/^TOTAL .* acked=\([0-9]*\).*/\1/p' "$OUT/telemetry.txt")
STORED_RATE=$(awk -v a="$s0" -v b="$s1" -v t0="$t0" -v t1="$t1" 'BEGIN {printf "%.1f", (b - a) / (t1 - t0)}')
BACKLOG=$(( ${ACKED:-0} - (s1 - s0) ))
drain=0
while [ "$(( $(stored) - s0 ))" -lt "${ACKED:-0}" ] && [ "$drain" -lt 120 ]; do sleep 1; drain=$((drain + 1)); done
LEFT=$(( ${ACKED:-0} - ($(stored) - s0) ))
HEAP=$(jcmd "$APP_PID" GC.heap_info 2>/dev/null | grep -m1 -o 'used [0-9]*K' || echo "?")
LAT=$("${PSQL[@]}" -c "select count(*), round(percentile_cont(0.5) within group (order by ms)::numeric), round(percentile_cont(0.95) within group (order by ms)::numeric), round(max(ms)::numeric)
  from (select extract(epoch from (n.created_at - a.raised_at)) * 1000 as ms from farm_alarm a
        join notify_delivery n on n.dedupe_key = 'farm-alarm-' || a.id where a.farm_id = $FARM) x" | tr '|' ' ')
other_load "after the telemetry"
OFFERED=$(awk -v d="$DEVICES" -v r="$RATE" 'BEGIN {printf "%.1f", d * r}')
VERDICT=$(awk -v s="$STORED_RATE" -v o="$OFFERED" -v l="$LEFT" 'BEGIN {print (s >= 0.98 * o && l <= 0 ? "holds" : "does NOT hold")}')
read -r ALARMS P50 P95 PMAX <<< "$LAT"
{
  echo
  echo "## Smart farms $(basename "$OUT") (bench/farm.sh)"
  echo
  echo "One instance (\`-Xmx512m -XX:+UseSerialGC\`, embedded PostgreSQL, demo data), $(nproc) cores. Machine: $QUIET_BEFORE; raw: $RAW_QUIET; telemetry: $TEL_QUIET."
  echo
  echo "| measure | value |"
  echo "|---|---:|"
  echo "| raw publish rate ($RAW_DEVICES devices, one in flight each, ack topic, nothing stored) | $RAW msg/s |"
  echo "| offered telemetry ($DEVICES devices × $RATE msg/s, ${DURATION} s) | $OFFERED msg/s |"
  echo "| stored end to end (farm_reading, one row of \`temperature\` per message) | $STORED_RATE msg/s |"
  echo "| ratio stored ÷ raw | $(awk -v a="$STORED_RATE" -v b="$RAW" 'BEGIN {printf "%.3f", (b > 0 ? a / b : 0)}') |"
  echo "| acknowledged by the broker, not yet stored when the simulator stopped | $BACKLOG (drained in ${drain} s; left: $LEFT) |"
  echo "| alarms (probe every $HOT messages): count, latency p50 / p95 / max ms | $ALARMS: $P50 / $P95 / $PMAX |"
  echo "| heap used after the run | $HEAP |"
  echo "| load average now | $(cut -d' ' -f1-3 /proc/loadavg) |"
  echo
  echo "Verdict: $DEVICES devices × $RATE msg/s **$VERDICT** on this machine with the 512 MB heap."
} > "$OUT/summary.md"
cat "$OUT/summary.md"
log "done; raw outputs in $OUT"
