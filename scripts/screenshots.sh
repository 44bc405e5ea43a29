#!/usr/bin/env bash
# Refreshes docs/screenshots/: opens the console at its default size in a real window under Xvfb on a fresh sample
# workspace, walks every view with its keyboard shortcut in the light theme, then in the dark one
# (NN-view-dark.png), publishes the sample release set from the SBOM view by typing and clicking (09-sbom-published.png); then, when the test environment runs
# (eval "$(scripts/test-env.sh start)"), the Registry view browsing its registry (08-registry.png) and its
# Add-registry dialog filled in (10-registry-add.png).
# Then the Upgrades view running a live upgrade with one abnormal, rolled-back target (11-upgrade-live.png).
# Usage: scripts/screenshots.sh [all|sample|registry|upgrade]   ($SLIPWAY_BUILD_DIR: Maven build dir, default target;
#        $SLIPWAY_DISPLAY: the Xvfb display, default :97)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/xvfb-lib.sh
win=
xvfb_install
what=${1:-all}
build=${SLIPWAY_BUILD_DIR:-target}
mvn_build() { mvn -q -ntp -Dslipway.buildDir="$(realpath -m "$build")" "$@"; }

ws=$(mktemp -d)
xvfb_start "${SLIPWAY_DISPLAY:-:97}"   # another display when :97 is taken
app=
trap 'if [ -n "$app" ]; then kill $app 2>/dev/null; fi; kill $XVFB_PID 2>/dev/null; rm -rf "$ws"' EXIT

sample_views() {
  [ -f "$build/slipway.jar" ] || mvn_build -DskipTests package
  java -jar "$build/slipway.jar" --workspace "$ws/ws" > "$ws/app.log" 2>&1 &
  app=$!
  win=$(timeout 180 xdotool search --sync --name '^Slipway' | head -1)
  xdotool windowmove "$win" 0 0   # the default window size, as a new user sees it
  sleep 3
  view_shots ""
  choose_theme_dark
  view_shots "-dark"
  choose_theme_light
  publish_from_sbom_view
  xdotool key --clearmodifiers ctrl+q || true
  wait $app || true
  app=
}

window_size() { xdotool getwindowgeometry "$win" | sed -n 's/.*Geometry: //p'; }

# Every view by its shortcut; $1 is the file-name suffix of the theme ("" light, "-dark").
view_shots() {
  local shot=1 view file
  for view in nodes deploys upgrades sbom audit settings; do
    xdotool key --clearmodifiers "ctrl+$shot"   # no window manager: the only window has the focus
    sleep 4   # let the view's background load finish and paint (a loaded machine needs the time)
    file="docs/screenshots/$(printf '%02d' $shot)-$view$1.png"
    import -window root -crop "$(window_size)+0+0" +repage "$file"
    echo "$file" >&2
    shot=$((shot + 1))
  done
}

# Settings → Theme (the choice box below the workspace facts): Follow the desktop, Light, Dark.
choose_theme() { # number of steps down from "Follow the desktop"
  xdotool key --clearmodifiers ctrl+6
  sleep 1
  xdotool mousemove 561 215 click 1
  sleep 1
  xdotool key Home
  for _ in $(seq "$1"); do xdotool key Down; done
  xdotool key Return
  sleep 2
}
choose_theme_dark() { choose_theme 2; }
choose_theme_light() { choose_theme 1; }

# Opens the sample release set in the SBOM view, types an output folder and clicks Publish, as a user would. The
# positions are those of the default-size window placed at 0,0 (no window manager, so no decorations); 09 shows
# them.
publish_from_sbom_view() {
  local published="$ws/published/adas-stack-2.4.0"
  click() { xdotool mousemove "$1" "$2" click 1; sleep 0.5; }
  xdotool key --clearmodifiers ctrl+4
  sleep 1
  click 810 53                                 # the SBOM path field
  xdotool type --delay 5 "$PWD/sample/release-set"
  xdotool key Return
  sleep 6                                      # generates the release set's SBOM, gates and plans it
  click 336 91                                 # the "Release plan" tab
  click 550 708                                # the "Output folder" field
  xdotool type --delay 5 "$published"
  click 953 708                                # Publish
  for _ in $(seq 60); do [ -f "$published/SHA256SUMS" ] && break; sleep 0.5; done
  if [ ! -f "$published/SHA256SUMS" ]; then
    import -window root "$ws/not-published.png"
    trap 'kill $app $XVFB_PID 2>/dev/null' EXIT   # stop both, but keep $ws to look at
    echo "Publish from the SBOM view did not finish (see $ws/app.log, $ws/not-published.png)" >&2
    return 1
  fi
  (cd "$published" && sha256sum --quiet -c SHA256SUMS)   # a complete, intact release came out of the real window
  sleep 1                                      # let the result paint
  import -window root -crop "$(window_size)+0+0" +repage docs/screenshots/09-sbom-published.png
  echo "docs/screenshots/09-sbom-published.png ($(find "$published" -type f | wc -l) files published)" >&2
}

# The sample has no registry to browse: io.slipway.it.RegistryBrowseDemo (test classpath) pushes a labelled
# build-environment image and an index to the test registry, unlocks it in the console and opens the image.
registry_view() {
  if [ -z "${SLIPWAY_TEST_REGISTRY:-}" ]; then
    echo "skipping 08-registry.png: the test environment is not running (eval \"\$(scripts/test-env.sh start)\")" >&2
    return 0
  fi
  mvn_build -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile="$ws/cp.txt" \
    -Dmdep.includeScope=test
  java -cp "$build/test-classes:$build/classes:$(cat "$ws/cp.txt")" io.slipway.it.RegistryBrowseDemo 90 "$ws/ready" "$ws/add" \
    > "$ws/demo.log" 2>&1 &
  app=$!
  for _ in $(seq 900); do
    [ -f "$ws/ready" ] && break
    kill -0 $app 2>/dev/null || { cat "$ws/demo.log" >&2; echo "the registry demo exited early" >&2; return 1; }
    sleep 0.2
  done
  [ -f "$ws/ready" ] || { cat "$ws/demo.log" >&2; echo "the registry demo never got ready" >&2; return 1; }
  sleep 1   # let the tables paint
  import -window root docs/screenshots/08-registry.png
  echo docs/screenshots/08-registry.png >&2
  touch "$ws/add"                              # now the Add-registry dialog, filled in
  for _ in $(seq 300); do [ -f "$ws/add.ready" ] && break; sleep 0.2; done
  [ -f "$ws/add.ready" ] || { cat "$ws/demo.log" >&2; echo "the Add-registry dialog never got ready" >&2; return 1; }
  sleep 1
  import -window root docs/screenshots/10-registry-add.png
  echo docs/screenshots/10-registry-add.png >&2
  kill $app 2>/dev/null || true
  wait $app 2>/dev/null || true
  app=
}

# A live upgrade over the test environment's nodes with one abnormal, rolled-back target (11-upgrade-live.png):
# io.slipway.it.LiveUpgradeDemo (test classpath) publishes the environments, deploys the old versions and starts the
# upgrade through the Upgrade… dialog; the shot is taken while the healthy targets are still in their run check.
upgrade_view() {
  if [ -z "${SLIPWAY_TEST_REGISTRY:-}" ]; then
    echo "skipping 11-upgrade-live.png: the test environment is not running (eval \"\$(scripts/test-env.sh start)\")" >&2
    return 0
  fi
  mvn_build -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile="$ws/cp.txt" \
    -Dmdep.includeScope=test
  java -cp "$build/test-classes:$build/classes:$(cat "$ws/cp.txt")" io.slipway.it.LiveUpgradeDemo 5 "$ws/upgrade.ready" \
    > "$ws/upgrade-demo.log" 2>&1 &
  app=$!
  for _ in $(seq 1500); do
    [ -f "$ws/upgrade.ready" ] && break
    kill -0 $app 2>/dev/null || { cat "$ws/upgrade-demo.log" >&2; echo "the upgrade demo exited early" >&2; return 1; }
    sleep 0.2
  done
  [ -f "$ws/upgrade.ready" ] || { cat "$ws/upgrade-demo.log" >&2; echo "the upgrade demo never got ready" >&2; return 1; }
  import -window root docs/screenshots/11-upgrade-live.png
  echo docs/screenshots/11-upgrade-live.png >&2
  wait $app 2>/dev/null || true
  app=
}

case $what in
  all) sample_views; registry_view; upgrade_view ;;
  upgrade) upgrade_view ;;
  sample) sample_views ;;
  registry) registry_view ;;
  *) echo "usage: $0 [all|sample|registry|upgrade]" >&2; exit 2 ;;
esac
