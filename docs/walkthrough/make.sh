#!/usr/bin/env bash
# Rebuilds docs/walkthrough.md and the pictures beside it from the journey tests' screenshots
# (target/journeys/<journey>/NN-<action>.png and steps.txt, written by src/test/.../browser/Journey.java).
# Run after ./xaso test (or after the Journey*Tests alone):  docs/walkthrough/make.sh
# Pictures are shrunk to JPEG (docs/walkthrough/Shrink.java, run with the JDK's single-file launcher).
set -euo pipefail
cd "$(dirname "$0")/../.."
src=target/journeys
out=docs/walkthrough
[ -d "$src" ] || { echo "No $src: run the journey tests first (./xaso test)" >&2; exit 1; }
java_bin=java
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  [ -x "$candidate/bin/java" ] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && { java_bin="$candidate/bin/java"; break; }
done
# The main tasks, in the order a commune meets them; the no-JavaScript runs show the same screens.
journeys=(
  "birth-registration|A villager registers a birth online on a phone (from the commune home)"
  "feedback-villager|A villager sends a feedback report with a photo, without an account"
  "track-from-receipt|Someone scans the receipt's QR code to follow a dossier"
  "pay-fee|A citizen pays a fee by VietQR"
  "assisted-submission|A community-team member submits for an elderly villager, with consent"
  "official-dossier|One-stop officer, specialist and chairman take an online dossier to a signed result (desk, 1280 px)"
  "citizen-signed-result|The citizen downloads the signed result"
  "go-live|A new commune sets XaSo up from an empty data folder, then a citizen submits"
  "go-live-officer|The new one-stop officer's first sign-in and the dossier received"
)
find "$out" -mindepth 1 -maxdepth 1 -type d -exec rm -rf {} +
{
  echo "# Walkthrough: XaSo as people use it"
  echo
  echo "Made by \`docs/walkthrough/make.sh\` from the screenshots of the journey tests"
  echo "(\`src/test/java/vn/xaso/browser/Journey*Tests.java\`). Each journey starts where a person starts"
  echo "(the commune home, a QR code, the workspace, the setup address) and then follows visible links and"
  echo "buttons only; each picture is one screen, at the width the person uses (360 px for citizens)."
  echo "The tests assert the number of screens; the citizen journeys run again with JavaScript off"
  echo "(same screens). Full-size pictures of every journey are kept under \`target/journeys/\` after"
  echo "every \`./xaso test\`."
  for entry in "${journeys[@]}"; do
    name=${entry%%|*}; title=${entry#*|}; dir="$src/$name"
    [ -f "$dir/steps.txt" ] || { echo "missing journey $name in $src" >&2; continue; }
    mkdir -p "$out/$name"
    echo
    echo "## $title ($(wc -l < "$dir/steps.txt") screens)"
    echo
    while IFS= read -r line; do
      num=${line%%.*}
      file=$(ls "$dir" | grep "^$num-.*\.png$" | head -1 || true)
      echo "$line"
      echo
      if [ -n "$file" ]; then
        "$java_bin" "$out/Shrink.java" "$dir/$file" "$out/$name/${file%.png}.jpg"
        echo "<img src=\"walkthrough/$name/${file%.png}.jpg\" width=\"240\" alt=\"Màn hình $num\">"
        echo
      fi
    done < "$dir/steps.txt"
  done
} > docs/walkthrough.md
echo "Wrote docs/walkthrough.md ($(du -sh "$out" | cut -f1) of pictures)"
