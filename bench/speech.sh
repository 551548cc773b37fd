#!/usr/bin/env bash
# Speech synthesis speed (audio seconds per wall-clock second) for the realistic commune notices in
# src/test/resources/radio/notices.txt, through the application's own normaliser and Narration (espeak-ng piped
# into lame / opusenc, as a broadcast is made). Prints the goal's ratio (issue 15: ≥ 50× real time including the
# encoding, on a quiet machine) and appends the table to docs/performance.md, marked DISTURBED when other processes
# used more than 10 % of the CPU (bench/lib.sh, quiet_check).
#   bench/speech.sh [rounds]     (default 3; needs espeak-ng, lame, opus-tools: ./xaso test installs them)
#   BENCH_NO_DOCS=1 bench/speech.sh   only print, do not append to docs/performance.md
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
BENCH_TAG=bench-speech
. bench/lib.sh
use_jdk
need_tools espeak-ng lame opusenc
if [ ! -f target/classes/vn/xaso/radio/internal/Narration.class ] || [ "${REBUILD:-0}" = 1 ]; then
  log "Compiling (./mvnw -q -o -DskipTests compile) ..."
  ./mvnw -q -o -B -DskipTests compile
fi
quiet_check 5
before=$QUIET_NOTE
cpu_mark
out=$("$JAVA_HOME/bin/java" -cp target/classes bench/SpeechBench.java "$rounds")
cpu_other_since "during the run"
during=$QUIET_NOTE
status=$QUIET_STATUS
case "$before" in *DISTURBED*) status=DISTURBED;; esac
table=$(grep '^|' <<< "$out")
read -r mp3 opus espeak <<< "$(sed -n 's/^RATIO mp3=\([0-9.]*\) opus=\([0-9.]*\) espeak=\([0-9.]*\)$/\1 \2 \3/p' <<< "$out")"
verdict() { awk -v r="$1" 'BEGIN {print (r >= 50 ? "meets" : "**below**")}'; }
{
  echo
  echo "## Speech synthesis speed ($(date -u +%Y-%m-%dT%H:%MZ))$([ "$status" = DISTURBED ] && echo ' — **DISTURBED**')"
  echo
  echo "Command: \`bench/speech.sh $rounds\` at $(git rev-parse --short HEAD 2>/dev/null || echo '?') — $(nproc) cores;"
  echo "$before; $during."
  echo "$(espeak-ng --version | head -1 | sed "s| *Data at.*||"), $(lame --version | head -1 | sed "s| (http.*||"), $(opusenc --version | head -1)."
  echo
  echo "| measure | value |"
  echo "|---|---|"
  echo "$table"
  echo
  echo "Goal (issue 15, ≥ 50 audio s per wall s with the encoding): MP3 ${mp3}× — $(verdict "$mp3"); Opus ${opus}× — $(verdict "$opus")$([ "$status" = DISTURBED ] && echo ' (disturbed run: not a figure of the machine)')."
  echo "One notice at a time (the application uses one background thread); wall time includes starting the processes."
} > "${TMPDIR:-/tmp}/xaso-speech-$$.md"
cat "${TMPDIR:-/tmp}/xaso-speech-$$.md"
[ "${BENCH_NO_DOCS:-0}" = 1 ] || cat "${TMPDIR:-/tmp}/xaso-speech-$$.md" >> docs/performance.md
rm -f "${TMPDIR:-/tmp}/xaso-speech-$$.md"
echo "RATIO speech+mp3=${mp3}x speech+opus=${opus}x espeak-alone=${espeak}x goal>=50x status=$status"
