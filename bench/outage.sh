#!/usr/bin/env bash
# The long "province link down" run (issue 12): ProvinceLinkOutageTests with a thousand reports over
# the 24-hour outage instead of 48. A commune instance (in-process, embedded PostgreSQL, demo data)
# publishes its metric events through the outbox to an embedded Kafka broker reached over a TCP relay
# (LinkProxy) that is cut (a black hole, like a dead line) and later restored. The outage lasts a day on
# the application's Clock (moved on an hour after each hour's share of reports; the outbox registry,
# redelivery, clean-up and link state read it), see docs/operations.md. The test asserts that
# every report is answered within 3 s during the outage, the outbox backlog (xaso_outbox_backlog)
# holds every waiting event, the log gets one warning for the whole outage, and after the link
# returns the province's count (each event id once) equals the commune's recount and no event
# arrived twice. Output: target/surefire-reports/vn.xaso.insights.ProvinceLinkOutageTests-output.txt
#
#   bench/outage.sh                      (OUTAGE_HOURS=24 REPORTS=1000 by default)
#   OUTAGE_HOURS=72 bench/outage.sh      (a long weekend)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_TAG=bench-outage
. bench/lib.sh
use_jdk
exec ./mvnw -B test -Dtest=ProvinceLinkOutageTests -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsurefire.redirectTestOutputToFile=true \
  -Dxaso.outage.hours="${OUTAGE_HOURS:-24}" -Dxaso.outage.reports="${REPORTS:-1000}"
