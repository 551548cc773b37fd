#!/usr/bin/env bash
# Rebuilds docs/walkthrough.md and the pictures beside it from the journey tests' screenshots
# (target/journeys/<journey>/NN-<action>.png and steps.txt, written by src/test/.../browser/Journey.java).
# Run after ./xaso test (or after the Journey*Tests alone):  docs/walkthrough/make.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
src=target/journeys
out=docs/walkthrough
[ -d "$src" ] || { echo "No $src: run the journey tests first (./xaso test)" >&2; exit 1; }
find "$out" -mindepth 1 -maxdepth 1 -type d -exec rm -rf {} +
{
  echo "# Walkthrough: XaSo as people use it"
  echo
  echo "Made by \`docs/walkthrough/make.sh\` from the screenshots of the journey tests"
  echo "(\`src/test/java/vn/xaso/browser/Journey*Tests.java\`). Each journey starts where a person starts"
  echo "(the commune home, a QR code, the workspace) and then follows visible links and buttons only;"
  echo "each picture is one screen, at the width the person uses (360 px for citizens)."
  echo "The tests assert the number of screens; the same pictures are kept under \`target/journeys/\`"
  echo "after every \`./xaso test\`."
  for dir in "$src"/*/; do
    name=$(basename "$dir")
    [ -f "$dir/steps.txt" ] || continue
    mkdir -p "$out/$name"
    cp "$dir"/*.png "$out/$name/"
    echo
    echo "## $name ($(wc -l < "$dir/steps.txt") screens)"
    echo
    while IFS= read -r line; do
      num=${line%%.*}
      file=$(ls "$dir" | grep "^$num-" | head -1)
      echo "$line"
      echo
      [ -n "$file" ] && echo "<img src=\"walkthrough/$name/$file\" width=\"240\" alt=\"Màn hình $num của $name\">" && echo
    done < "$dir/steps.txt"
  done
} > docs/walkthrough.md
echo "Wrote docs/walkthrough.md ($(ls -d "$out"/*/ | wc -l) journeys)"
