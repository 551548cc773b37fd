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
    wait "$APP_PID" 2>/dev/null
  fi
  pm=$(postmaster_pid)
  if [ -n "$pm" ] && kill -0 "$pm" 2>/dev/null; then
    kill -INT "$pm"; for i in $(seq 1 100); do kill -0 "$pm" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pm" 2>/dev/null && kill -KILL "$pm"
  fi
  return 0
}
