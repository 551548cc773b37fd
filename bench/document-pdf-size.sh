#!/usr/bin/env bash
# Size of a released one-page document (issue 15, goal 4: ≤ 150 KB with both signatures valid). Runs the end-to-end
# signing test (a Quyết định drafted, approved with the chairman's personal signature, released by the clerk with
# the number/date stamp and the commune's signature; Maven, offline), which keeps the released file as
# target/screenshots/document-signed.pdf, then reports its size, pages, fonts (subset or not), images and what
# Poppler's pdfsig says about both signatures. Size does not depend on the machine's load.
#   bench/document-pdf-size.sh            (needs poppler-utils: pdfinfo, pdfsig, pdffonts, pdfimages)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_TAG=bench-pdf
. bench/lib.sh
use_jdk
need_tools pdfinfo pdfsig pdffonts pdfimages
pdf=target/screenshots/document-signed.pdf
rm -f "$pdf"
log "Releasing a one-page document (./mvnw -o test -Dtest=DocumentSigningEndToEndTests) ..."
./mvnw -o -q -B test -Dtest=DocumentSigningEndToEndTests -Dsurefire.failIfNoSpecifiedTests=false > "${TMPDIR:-/tmp}/xaso-pdf-size-$$.log" 2>&1 \
  || { tail -40 "${TMPDIR:-/tmp}/xaso-pdf-size-$$.log" >&2; die "the signing test failed"; }
rm -f "${TMPDIR:-/tmp}/xaso-pdf-size-$$.log"
[ -f "$pdf" ] || die "no $pdf"
bytes=$(stat -c %s "$pdf")
pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
valid=$(pdfsig "$pdf" 2>&1 | grep -c 'Signature is Valid' || true)
echo "| measure | value |"
echo "|---|---|"
echo "| released PDF (\`$pdf\`) | $bytes bytes ($(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1024}') KiB), $pages page(s) |"
echo "| signatures valid (pdfsig) | $valid of 2 |"
echo "| fonts (pdffonts: name, embedded, subset) | $(pdffonts "$pdf" | awk 'NR > 2 {printf "%s%s %s/%s", sep, $1, $(NF-4), $(NF-3); sep = "; "}') |"
echo "| images (pdfimages -list: width×height, size) | $(pdfimages -list "$pdf" | awk 'NR > 2 {printf "%s%s×%s %s", sep, $4, $5, $(NF-1); sep = "; "}') |"
echo
ratio=$(awk -v b="$bytes" 'BEGIN {printf "%.2f", b / (150 * 1024)}')
if [ "$bytes" -le $((150 * 1024)) ] && [ "$pages" = 1 ] && [ "$valid" = 2 ]; then ok=meets; else ok="**does not meet**"; fi
echo "RATIO pdf-size/150KiB=$ratio pages=$pages valid-signatures=$valid goal: ≤ 1.00 with 1 page and 2 valid → $ok"
