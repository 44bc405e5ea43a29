#!/usr/bin/env bash
# Refreshes docs/screenshots/: opens the console in a real window under Xvfb on a fresh sample workspace,
# walks every view with its keyboard shortcut and captures the screen.   Usage: scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/xvfb-lib.sh
xvfb_install
[ -f target/slipway.jar ] || mvn -q -ntp -DskipTests package

ws=$(mktemp -d)
xvfb_start :97
java -jar target/slipway.jar --workspace "$ws/ws" > "$ws/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; kill $XVFB_PID 2>/dev/null; rm -rf "$ws"' EXIT

win=$(timeout 60 xdotool search --sync --name '^Slipway' | head -1)
xdotool windowsize "$win" 1280 800 windowmove "$win" 0 0
sleep 3
shot=1
for view in nodes deploys upgrades sbom audit settings; do
  xdotool key --clearmodifiers "ctrl+$shot"   # no window manager: the only window has the focus
  sleep 2   # let the view's background load finish and paint
  import -window root "docs/screenshots/$(printf '%02d' $shot)-$view.png"
  echo "docs/screenshots/$(printf '%02d' $shot)-$view.png" >&2
  shot=$((shot + 1))
done
xdotool key --clearmodifiers ctrl+q || true
wait $app || true
