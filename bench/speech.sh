#!/usr/bin/env bash
# Speech synthesis speed (audio seconds per wall-clock second) for the realistic commune notices in
# src/test/resources/radio/notices.txt, with the application's own normaliser, espeak-ng engine and
# encoders. Appends the result to docs/performance.md.
#   bench/speech.sh [rounds]     (default 3; needs espeak-ng, lame, opus-tools: ./xaso test installs them)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
for bin in espeak-ng lame opusenc; do
  command -v "$bin" >/dev/null || { echo "missing $bin (apt-get install espeak-ng lame opus-tools)" >&2; exit 1; }
done
[ -d target/classes/vn/xaso/radio ] || ./mvnw -q -o -DskipTests compile
table=$("$JAVA_HOME/bin/java" -cp target/classes bench/SpeechBench.java "$rounds")
load=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo
  echo "## Speech synthesis speed ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "Command: \`bench/speech.sh $rounds\` — $(nproc) cores, load average before/while: $load;"
  echo "$(espeak-ng --version | head -1 | sed "s| *Data at.*||"), $(lame --version | head -1 | sed "s| (http.*||"), $(opusenc --version | head -1)."
  echo
  echo "| measure | value |"
  echo "|---|---|"
  echo "$table"
  echo
  echo "One notice is synthesised at a time (the application uses one background thread). Wall time"
  echo "includes starting the espeak-ng / lame / opusenc processes and their temporary files."
} | tee -a docs/performance.md
