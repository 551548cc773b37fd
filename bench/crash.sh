#!/usr/bin/env bash
# The long crash test (issue 12): CrashConsistencyTests with 1,000 dossier submissions and 1,000 document
# releases instead of 40 and 16. XaSo runs in a child JVM with the production defaults (durable embedded
# PostgreSQL); the chairman approves the documents first; then an official submits dossiers (4 threads)
# while two clerks release documents over HTTP. PostgreSQL is killed with SIGKILL after a sixth of the
# work is acknowledged, XaSo itself in the middle of the rest; a new start on the same folder must be
# healthy, the audit chain verify intact, every acknowledged dossier and release be there (a release with
# the number the clerk was shown) and the day's dossier numbers and the year's register 1..N with no
# duplicate or gap. Logs: target/test-data/crash-*/ (app-1.log, app-2.log) and the surefire output.
#
#   ./xaso bench crash    or    bench/crash.sh     (CRASH_SUBMISSIONS=1000 CRASH_RELEASES=1000 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_TAG=bench-crash
. bench/lib.sh
use_jdk
exec ./mvnw -B test -Dtest=CrashConsistencyTests -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsurefire.redirectTestOutputToFile=true -Dxaso.crash.minutes=30 -Dxaso.crash.start-minutes=15 \
  -Dxaso.crash.submissions="${CRASH_SUBMISSIONS:-1000}" -Dxaso.crash.releases="${CRASH_RELEASES:-1000}"
