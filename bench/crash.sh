#!/usr/bin/env bash
# The long crash test (issue 12): CrashConsistencyTests with 1,000 dossier submissions instead of 60.
# XaSo runs in a child JVM with the production defaults (durable embedded PostgreSQL); PostgreSQL is
# killed with SIGKILL after a sixth of them are acknowledged, XaSo itself after three quarters; then
# a new start on the same folder must be healthy, the audit chain verify intact, and the test checks that every acknowledged dossier is there and the
# day's numbers are 1..N with no duplicate or gap. Logs: target/test-data/crash-*/.
#
#   bench/crash.sh              (CRASH_SUBMISSIONS=1000 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_TAG=bench-crash
. bench/lib.sh
use_jdk
exec ./mvnw -B test -Dtest=CrashConsistencyTests -Dsurefire.failIfNoSpecifiedTests=false \
  -Dxaso.crash.submissions="${CRASH_SUBMISSIONS:-1000}"
