#!/usr/bin/env bash
# Start-to-first-frame of the console in a real window under Xvfb, median of N runs (default 5).
#  cold: a new workspace each run (schema created, sample seeded), page cache dropped when permitted;
#  warm: the same workspace again, right after a previous start.
# The app reports first-frame-ms (JVM start -> first rendered frame) when SLIPWAY_EXIT_AFTER_FIRST_FRAME=1,
# then closes; wall-ms is measured here from launch to process exit.
# Usage: scripts/measure-startup.sh [RUNS] [jar|cds|app-image]   ($SLIPWAY_DISPLAY: the Xvfb display, default :98)
#  jar: java -jar target/slipway.jar;  cds: the same with an AppCDS archive written by one training start first
#  (what scripts/run.sh does);  app-image: target/jpackage/Slipway/bin/Slipway (packaging/jpackage/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/xvfb-lib.sh
xvfb_install
runs=${1:-5}
mode=${2:-jar}
[ -f target/slipway.jar ] || mvn -q -ntp -DskipTests package
xvfb_start "${SLIPWAY_DISPLAY:-:98}"   # another display when :98 is taken
tmp=$(mktemp -d)
trap 'kill $XVFB_PID 2>/dev/null; rm -rf "$tmp"' EXIT
case "$mode" in
  jar) launch=(java -jar target/slipway.jar) ;;
  cds)
    SLIPWAY_EXIT_AFTER_FIRST_FRAME=1 java -XX:ArchiveClassesAtExit="$tmp/slipway.jsa" -Xlog:cds=off \
      -Xlog:cds+dynamic=off -jar target/slipway.jar --workspace "$tmp/training" >/dev/null 2>&1
    launch=(java -XX:SharedArchiveFile="$tmp/slipway.jsa" -jar target/slipway.jar) ;;
  app-image)
    [ -x target/jpackage/Slipway/bin/Slipway ] || bash packaging/jpackage/build.sh app-image
    launch=(target/jpackage/Slipway/bin/Slipway) ;;
  *) echo "usage: $0 [RUNS] [jar|cds|app-image]" >&2; exit 2 ;;
esac

one_run() { # workspace -> prints "first-frame-ms wall-ms"
  local t0 t1 ff
  t0=$(date +%s%N)
  SLIPWAY_EXIT_AFTER_FIRST_FRAME=1 "${launch[@]}" --workspace "$1" 2> "$tmp/err" >/dev/null \
    || { echo "console exited with $? on $1:" >&2; cat "$tmp/err" >&2; exit 1; }
  t1=$(date +%s%N)
  ff=$(grep -o 'first-frame-ms=[0-9]*' "$tmp/err" | tail -1 | cut -d= -f2)
  [ -n "$ff" ] || { echo "no first-frame-ms reported:" >&2; cat "$tmp/err" >&2; exit 1; }
  echo "$ff $(( (t1 - t0) / 1000000 ))"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

: > "$tmp/cold.times"; : > "$tmp/warm.times"
for i in $(seq "$runs"); do
  sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true
  one_run "$tmp/cold-$i" >> "$tmp/cold.times"
done
one_run "$tmp/warm" > /dev/null
for i in $(seq "$runs"); do one_run "$tmp/warm" >> "$tmp/warm.times"; done

for kind in cold warm; do
  printf '%s %s: first-frame median %s ms (runs: %s); launch-to-exit median %s ms\n' "$mode" "$kind" \
    "$(cut -d' ' -f1 "$tmp/$kind.times" | median)" "$(cut -d' ' -f1 "$tmp/$kind.times" | tr '\n' ' ' | sed 's/ $//')" \
    "$(cut -d' ' -f2 "$tmp/$kind.times" | median)"
done
