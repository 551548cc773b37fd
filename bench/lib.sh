# Shared preamble of the bench/*.sh scripts; each sources it after `cd` to the repository root:
#   BENCH_TAG=bench-docs; . bench/lib.sh
# It gives log/die, the JDK (same search as ./xaso), tool checks and OS packages, the jar, free ports and
# the stop of the app and its embedded PostgreSQL (APP_PID, DATA_DIR) for the scripts' clean-up traps.

log() { printf '[%s %s] %s\n' "${BENCH_TAG:-bench}" "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

find_jdk() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /usr/local/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$version" ] && [ "${version%%.*}" -ge 21 ] 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  return 1
}

# Sets and exports JAVA_HOME (a JDK 21 or newer) and puts it first on PATH.
use_jdk() {
  JAVA_HOME=$(find_jdk) || die "XaSo needs a JDK 21 or newer (none found in \$JAVA_HOME or /usr/lib/jvm)."
  export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
}

# need_tools wrk pgbench ...: stops with a hint when one is missing (bench/run.sh installs them).
need_tools() {
  local tool
  for tool in "$@"; do command -v "$tool" >/dev/null || die "missing $tool (bench/run.sh installs it)"; done
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root or sudo to install: $*"; fi
}

# ensure_packages command:debian-package ...: installs the packages whose command is missing.
ensure_packages() {
  local missing=() spec bin pkg
  for spec in "$@"; do
    bin=${spec%%:*}; pkg=${spec#*:}
    command -v "$bin" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  log "Installing OS packages the benchmark needs: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Sets jar to target/xaso-*.jar, building it first when there is none or REBUILD=1.
find_jar() {
  jar=$(ls target/xaso-*.jar 2>/dev/null | grep -v plain | head -1 || true)
  if [ -z "$jar" ] || [ "${REBUILD:-0}" = 1 ]; then
    log "Building the jar (./mvnw -q -B -DskipTests package) ..."
    ./mvnw -q -B -DskipTests package
    jar=$(ls target/xaso-*.jar | grep -v plain | head -1)
  fi
  [ -f "$jar" ] || die "no jar in target/"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# free_port [other]: a free TCP port on 127.0.0.1 that is not [other].
free_port() {
  local p i
  for i in $(seq 1 100); do
    p=$(( 20000 + RANDOM % 40000 )); [ "$p" = "${1:-}" ] && continue
    port_in_use "$p" || { echo "$p"; return 0; }
  done
  return 1
}

postmaster_pid() { local f="$DATA_DIR/pg17/postmaster.pid"; [ -f "$f" ] && head -1 "$f" || true; }

# Stops the app (APP_PID: TERM, then KILL after 30 s) and its embedded PostgreSQL (INT, then KILL after 10 s).
stop_app_and_db() {
  local i pm
  if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
    log "Stopping the app (pid $APP_PID) ..."
    kill -TERM "$APP_PID"
    for i in $(seq 1 300); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$APP_PID" 2>/dev/null && kill -KILL "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  pm=$(postmaster_pid)
  if [ -n "$pm" ] && kill -0 "$pm" 2>/dev/null; then
    kill -INT "$pm"; for i in $(seq 1 100); do kill -0 "$pm" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pm" 2>/dev/null && kill -KILL "$pm"
  fi
  return 0
}

# ---------------------------------------------------------------- quiet-machine check (issue 15)
# Ratios are only comparable from a quiet machine. quiet_check [seconds] samples the whole machine's CPU for a few
# seconds before a benchmark (nothing of ours runs then, so all of it is "other"); cpu_mark / cpu_other_since give
# the share of the machine other processes used while a benchmark ran: all busy CPU minus what this script's
# finished children (the benchmark, its JVM and the processes it started) used. Above QUIET_MAX_OTHER (10 %) the
# run is DISTURBED. Both set QUIET_STATUS (quiet | DISTURBED) and QUIET_NOTE (one line for the report).
QUIET_MAX_OTHER=${QUIET_MAX_OTHER:-10}
_cpu_stat() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }
# CPU seconds of this shell's reaped children (bash's `times`, second line: children's user and system time).
# Written into the variable named $1 without a subshell: `times` in a $(...) subshell would report the subshell's own
# (empty) children, and the benchmark's CPU would be counted as other processes'.
_children_cpu_s() { local f; f=$(mktemp); times > "$f"; printf -v "$1" '%s' "$(awk 'NR == 2 {s = 0; for (i = 1; i <= 2; i++) {split($i, t, /[ms]/); s += t[1] * 60 + t[2]}; printf "%.2f", s}' "$f")"; rm -f "$f"; }
_quiet_verdict() { # other_pct what
  if awk -v o="$1" -v m="$QUIET_MAX_OTHER" 'BEGIN {exit !(o > m)}'; then QUIET_STATUS=DISTURBED; else QUIET_STATUS=quiet; fi
  QUIET_NOTE="$2: load average $(cut -d' ' -f1-3 /proc/loadavg), other processes $1 % of the $(nproc) cores → $QUIET_STATUS"
}
quiet_check() {
  local seconds=${1:-5} a b
  read -r -a a <<< "$(_cpu_stat)"; sleep "$seconds"; read -r -a b <<< "$(_cpu_stat)"
  _quiet_verdict "$(awk -v bb="$(( b[0] - a[0] ))" -v tt="$(( b[1] - a[1] ))" 'BEGIN {printf "%.0f", (tt > 0 ? 100 * bb / tt : 0)}')" \
    "before the run (${seconds} s)"
  log "$QUIET_NOTE"
}
cpu_mark() { read -r -a _CPU_MARK <<< "$(_cpu_stat)"; _children_cpu_s _CPU_MARK_OWN; }
cpu_other_since() { # [what]: the other processes' share since cpu_mark
  local now own hz
  read -r -a now <<< "$(_cpu_stat)"; _children_cpu_s own; hz=$(getconf CLK_TCK)
  _quiet_verdict "$(awk -v bb="$(( now[0] - _CPU_MARK[0] ))" -v tt="$(( now[1] - _CPU_MARK[1] ))" -v o0="$_CPU_MARK_OWN" -v o1="$own" -v hz="$hz" \
    'BEGIN {o = bb - (o1 - o0) * hz; if (o < 0) o = 0; printf "%.0f", (tt > 0 ? 100 * o / tt : 0)}')" "${1:-during the run}"
  log "$QUIET_NOTE"
}

# ---------------------------------------------------------------- run folders, the app, sign-in (shared by the scripts)
# bench_run_folders suffix: STAMP, OUT (bench/results/<stamp>-<suffix>, or $BENCH_OUT), a fresh DATA_DIR, two free
# ports (APP_PORT, DB_PORT) and BASE; APP_PID empty.
bench_run_folders() {
  STAMP=$(date -u +%Y%m%dT%H%M%SZ)
  OUT=${BENCH_OUT:-"$ROOT/bench/results/$STAMP-$1"}
  mkdir -p "$OUT"
  DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/xaso-bench-$1.XXXXXX")
  APP_PID=""
  APP_PORT=$(free_port) || die "no free port"
  DB_PORT=$(free_port "$APP_PORT") || die "no free port"
  BASE="http://127.0.0.1:$APP_PORT"
}

# bench_cleanup rc: what every script's EXIT trap does — stop the app and its database, remove the data folder and
# the run's secrets (cookies), say where the raw outputs are on failure; exits with rc.
bench_cleanup() {
  local rc=$1
  set +e; trap - EXIT INT TERM
  stop_app_and_db
  rm -rf "$DATA_DIR" "$OUT/.times" "$OUT/cookies.txt"
  [ "$rc" -ne 0 ] && log "failed (exit $rc); raw outputs in $OUT"
  exit "$rc"
}

# start_app [seconds] [more app arguments...]: starts $jar with the demo on APP_PORT / DB_PORT in DATA_DIR (output in
# $OUT/app.log), sets APP_PID and waits until /actuator/health says UP (default 180 s).
start_app() {
  local seconds=${1:-180} i
  [ $# -gt 0 ] && shift
  log "Starting $jar on port $APP_PORT (embedded PostgreSQL on $DB_PORT) ..."
  # shellcheck disable=SC2086 # BENCH_JAVA_OPTS: more JVM options, split on spaces (e.g. a profiler's)
  "$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC ${BENCH_JAVA_OPTS:-} -jar "$jar" serve \
    --server.port="$APP_PORT" --xaso.data-dir="$DATA_DIR" --xaso.db.embedded-port="$DB_PORT" --xaso.demo.load=true "$@" \
    > "$OUT/app.log" 2>&1 &
  APP_PID=$!
  for i in $(seq 1 $((seconds * 10))); do
    kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$OUT/app.log" >&2; die "the app exited during start-up"; }
    if curl -fsS -m 5 "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then log "healthy"; return 0; fi
    sleep 0.1
  done
  die "not healthy after $seconds s"
}

# sign_in username: signs in as a demo official (password XaSo-2026-demo); sets COOKIE (the Cookie header's value).
# The cookie jar is $OUT/cookies.txt (removed by bench_cleanup).
sign_in() {
  local jar_cookies="$OUT/cookies.txt" token code
  token=$(curl -fsS -c "$jar_cookies" "$BASE/signin" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  [ -n "$token" ] || die "no CSRF token on /signin"
  code=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar_cookies" -c "$jar_cookies" \
    --data-urlencode "username=$1" --data-urlencode "password=XaSo-2026-demo" --data-urlencode "_csrf=$token" "$BASE/signin")
  echo "sign-in as $1: $code" >> "$OUT/signin.txt"
  case "$code" in 302*error*|302*signin*) die "sign-in as $1 failed: $code";; 302*) ;; *) die "sign-in as $1 failed: $code";; esac
  COOKIE=$(awk '!/^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep = "; "} /^#HttpOnly_/ {sub(/^#HttpOnly_/, ""); printf "%s%s=%s", sep, $6, $7; sep = "; "}' "$jar_cookies")
  [ -n "$COOKIE" ] || die "no session cookie"
}

# csrf_token: a CSRF token of the signed-in session (for POST requests), from /workspace.
csrf_token() {
  curl -fsS -b "$OUT/cookies.txt" -c "$OUT/cookies.txt" "$BASE/workspace" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'
}

# machine_txt "settings: ...": writes $OUT/machine.txt — date, commit, cores and load, CPU, JDK, pgbench, the quiet
# check before the run ($QUIET_BEFORE) and the given settings line.
machine_txt() {
  {
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo '?') $(git status --porcelain 2>/dev/null | grep -q . && echo '(dirty)')"
    echo "nproc: $(nproc); loadavg before: $(cat /proc/loadavg)"
    echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
    echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
    echo "pgbench: $(pgbench --version 2>/dev/null || echo none)"
    echo "quiet check: ${QUIET_BEFORE:-}"
    echo "$1"
  } > "$OUT/machine.txt"
}

# other_load label: appends the load average and the busiest processes to $OUT/other-load.txt.
other_load() {
  { echo "$1: loadavg $(cat /proc/loadavg)"; ps -eo pid,pcpu,etime,args --sort=-pcpu | head -12 | cut -c1-200; echo; } >> "$OUT/other-load.txt"
}

# ---------------------------------------------------------------- CPU shares of one measured run
# cpu_snapshot (in the main shell: `times` must see our children) sets CPU_WALL CPU_TOTAL CPU_APP (java + its
# PostgreSQL, from /proc) CPU_JAVA (the JVM alone) CPU_GEN (this script's finished children: the load generator); cpu_shares w0 t0 a0 g0 prints
# "app% generator% other%" of the machine's cores between those values and the last snapshot.
CLK_TCK=$(getconf CLK_TCK); NCPU=$(nproc)
children_of() { [ -n "$1" ] || return 0; { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v p="$1" '$4 == p {print $1}'; }
proc_jiffies() { local pid; for pid in "$@"; do cat "/proc/$pid/stat" 2>/dev/null || true; done | awk '{s += $14 + $15 + $16 + $17} END {print s + 0}'; }
cpu_snapshot() {
  local pm
  CPU_WALL=$(date +%s%N)
  CPU_TOTAL=$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat)
  pm=$(postmaster_pid)
  # shellcheck disable=SC2046
  CPU_APP=$(proc_jiffies "${APP_PID:-}" $pm $(children_of "$pm"))
  CPU_JAVA=$(proc_jiffies "${APP_PID:-}") # the JVM alone (CPU_APP - CPU_JAVA: its PostgreSQL)
  times > "$OUT/.times"
  CPU_GEN=$(awk -v hz="$CLK_TCK" 'NR == 2 {n = split($0, t, " "); for (i = 1; i <= n; i++) {split(t[i], ms, /[ms]/); s += (ms[1] * 60 + ms[2]) * hz}} END {printf "%d", s}' "$OUT/.times")
}
# jvm_threads_cpu file: the JVM's CPU jiffies so far per kind of thread (name without digits: request threads
# "http-nio-*", JIT compilers, the GC's "VM Thread", listeners' pools...), one "kind jiffies" line each.
jvm_threads_cpu() {
  local t
  for t in /proc/"$APP_PID"/task/*; do
    printf '%s\t%s\n' "$(tr -d '0-9' < "$t/comm" 2>/dev/null | sed 's/[- ]*$//')" "$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null)"
  done | awk -F'\t' '$2 != "" {s[$1] += $2} END {for (k in s) printf "%s\t%d\n", k, s[k]}' | sort > "$1"
}
# jvm_threads_cpu_per before after requests: "kind: ms per request" of the kinds that used CPU in between, busiest first.
jvm_threads_cpu_per() {
  awk -F'\t' -v n="$3" -v hz="$CLK_TCK" 'NR == FNR {a[$1] = $2; next} {d = $2 - a[$1]; if (d > 0 && n > 0) printf "%.2f\t%s\n", 1000 * d / hz / n, $1}' "$1" "$2" \
    | sort -rn | awk -F'\t' '{printf "%s%s %s ms", sep, $2, $1; sep = ", "} END {print ""}'
}
cpu_shares() {
  awk -v w="$(( CPU_WALL - $1 ))" -v t="$(( CPU_TOTAL - $2 ))" -v a="$(( CPU_APP - $3 ))" -v g="$(( CPU_GEN - $4 ))" -v hz="$CLK_TCK" -v n="$NCPU" \
    'BEGIN {cap = n * hz * w / 1e9; o = t - a - g; if (o < 0) o = 0; printf "%.0f %.0f %.0f", 100 * a / cap, 100 * g / cap, 100 * o / cap}'
}
