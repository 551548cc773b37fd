#!/usr/bin/env bash
# XaSo signing benchmark (JMH), see bench/README.md. Builds the main jar if missing, compiles the
# benchmarks in bench/jmh against it, runs them with the main project's runtime classpath and
# writes the JMH output, a JSON result and a Markdown summary to bench/results/<timestamp>-jmh/.
#
#   bench/jmh/run.sh                 (all of SigningBenchmark: ~3 minutes)
#   BENCH_JMH_ARGS="-f 1 -wi 1 -i 1 -w 1 -r 1" bench/jmh/run.sh   (a smoke run)
#
# Settings (environment): BENCH_JMH_ARGS (extra JMH options, e.g. -f 1 -i 2), BENCH_REBUILD=1
# (rebuild the main jar), BENCH_OUT (results folder; default bench/results/<UTC timestamp>-jmh).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
BENCH_TAG=bench-jmh
. bench/lib.sh

use_jdk

plain=$(ls target/xaso-*.jar.original 2>/dev/null | head -1 || true)
if [ -z "$plain" ] || [ "${BENCH_REBUILD:-0}" = 1 ]; then
  log "Building the main jar (./mvnw -q -B -DskipTests package) ..."
  ./mvnw -q -B -DskipTests package
  plain=$(ls target/xaso-*.jar.original | head -1)
fi

OUT=${BENCH_OUT:-"$ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)-jmh"}
mkdir -p "$OUT"
log "Compiling bench/jmh against $plain ..."
./mvnw -q -B -f bench/jmh/pom.xml -Dxaso.classes="$ROOT/$plain" compile
# The app's runtime classpath (PDFBox, BouncyCastle, openhtmltopdf, fonts, ...) and its classes.
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$OUT/app-classpath.txt" >/dev/null
./mvnw -q -B -f bench/jmh/pom.xml dependency:build-classpath -Dxaso.classes="$ROOT/$plain" \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$OUT/jmh-classpath.txt" >/dev/null
CP="$ROOT/bench/jmh/target/classes:$(cat "$OUT/jmh-classpath.txt"):$ROOT/$plain:$(cat "$OUT/app-classpath.txt")"

# ------------------------------------------------------------ machine and CPU share of others
CLK_TCK=$(getconf CLK_TCK); NCPU=$(nproc)
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo '?') $(git status --porcelain 2>/dev/null | grep -q . && echo '(dirty)')"
  echo "nproc: $NCPU"
  echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "jmh args: ${BENCH_JMH_ARGS:-(defaults in SigningBenchmark)}"
} > "$OUT/machine.txt"
{ echo "before: loadavg $(cat /proc/loadavg)"; ps -eo pid,pcpu,etime,args --sort=-pcpu | head -12 | cut -c1-200; } > "$OUT/other-load.txt"

child_jiffies() { # CPU of this shell's waited-for children; `times` must run in this shell, not in $(...)
  times > "$OUT/.times"
  awk -v hz="$CLK_TCK" 'NR == 2 {n = split($0, t, " "); for (i = 1; i <= n; i++) {split(t[i], ms, /[ms]/); s += (ms[1] * 60 + ms[2]) * hz}} END {printf "%d", s}' "$OUT/.times" > "$OUT/.jiffies"
}
total_jiffies() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
t0=$(total_jiffies); w0=$(date +%s%N); child_jiffies; o0=$(cat "$OUT/.jiffies")
log "Running JMH (single-threaded benchmarks, forks run one after another) ..."
# JMH forks inherit this JVM's class path.
# shellcheck disable=SC2086
java -cp "$CP" org.openjdk.jmh.Main vn.xaso.bench.SigningBenchmark ${BENCH_JMH_ARGS:-} \
  -rf json -rff "$OUT/jmh.json" > "$OUT/jmh.txt" 2>&1 || { tail -40 "$OUT/jmh.txt" >&2; die "JMH failed (see $OUT/jmh.txt)"; }
t1=$(total_jiffies); w1=$(date +%s%N); child_jiffies; o1=$(cat "$OUT/.jiffies"); rm -f "$OUT/.times" "$OUT/.jiffies"
# CPU shares over the whole JMH run: ours (JMH and its forks) and everything else on the machine.
read -r cpu_ours cpu_other <<< "$(awk -v t="$((t1 - t0))" -v o="$((o1 - o0))" -v w="$((w1 - w0))" -v hz="$CLK_TCK" -v n="$NCPU" \
  'BEGIN {cap = n * hz * w / 1e9; x = t - o; if (x < 0) x = 0; printf "%.0f %.0f", 100 * o / cap, 100 * x / cap}')"
{ echo; echo "after: loadavg $(cat /proc/loadavg)"; ps -eo pid,pcpu,etime,args --sort=-pcpu | head -12 | cut -c1-200; } >> "$OUT/other-load.txt"
echo "cpu share over the run: jmh ${cpu_ours}% other ${cpu_other}% of $NCPU cores ($(( (w1 - w0) / 1000000000 )) s)" >> "$OUT/machine.txt"

# ------------------------------------------------------------ summary
score() { # benchmark pages -> "score error"
  jq -r --arg b "vn.xaso.bench.SigningBenchmark.$1" --arg p "${2:-}" \
    '.[] | select(.benchmark == $b and (($p == "") or (.params.pages == $p))) | "\(.primaryMetric.score) \(.primaryMetric.scoreError)"' "$OUT/jmh.json"
}
read -r rsa rsa_err <<< "$(score rsaSha256Sign)"
sizes=$(grep -o '\[setup\] [0-9]*-page PDF: [0-9,]* bytes' "$OUT/jmh.txt" | sed 's/\[setup\] //' | awk '!seen[$1]++' | paste -sd ';' | sed 's/;/; /g')
{
  echo "## XaSo signing benchmark (JMH) $(basename "$OUT")"
  echo
  grep -E '^(nproc|cpu|memory|java):' "$OUT/machine.txt" | tr '\n' ';' | sed 's/;$//; s/;/; /g'; echo
  echo
  echo "PDFs (rendered by DocumentRenderer): ${sizes:-?}. Key: RSA-2048 from an in-memory PKCS#12 store, self-issued certificate; PAdES-B-B (no TSA)."
  echo "CPU over the run: JMH ${cpu_ours}% / other ${cpu_other}% of $NCPU cores (other should be ~0; if not, figures are lower bounds)."
  echo
  echo "| benchmark | pages | ops/s | ± (99.9 %) | ms/op | × raw RSA sign | × SHA-256 of the PDF |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  printf '| raw RSA-2048 SHA256withRSA (JDK), 300 bytes | – | %.0f | %.0f | %.3f | 1.000 | – |\n' "$rsa" "$rsa_err" "$(awk -v s="$rsa" 'BEGIN {print 1000 / s}')"
  for pages in 1 10; do
    read -r sha sha_err <<< "$(score sha256Pdf "$pages")"
    printf '| SHA-256 over the PDF | %s | %.0f | %.0f | %.3f | %.2f | 1.000 |\n' "$pages" "$sha" "$sha_err" "$(awk -v s="$sha" 'BEGIN {print 1000 / s}')" "$(awk -v a="$sha" -v b="$rsa" 'BEGIN {print a / b}')"
    for b in padesInvisible padesVisible; do
      read -r s e <<< "$(score "$b" "$pages")"
      printf '| PAdES-B %s | %s | %.1f | %.1f | %.2f | %.3f | %.5f |\n' "$([ "$b" = padesInvisible ] && echo invisible || echo 'visible (personal)')" "$pages" "$s" "$e" \
        "$(awk -v s="$s" 'BEGIN {print 1000 / s}')" "$(awk -v a="$s" -v b="$rsa" 'BEGIN {print a / b}')" "$(awk -v a="$s" -v b="$sha" 'BEGIN {print a / b}')"
    done
  done
  echo
  echo "× raw RSA sign: the benchmark's ops/s divided by raw RSA signatures/s (1 / × = how many raw signatures one operation costs)."
  echo "× SHA-256: the same against hashing that PDF once."
  echo
  echo "Raw outputs: bench/results/$(basename "$OUT")/"
} > "$OUT/summary.md"
cat "$OUT/summary.md"
