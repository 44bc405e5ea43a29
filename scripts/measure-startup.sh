#!/usr/bin/env bash
# Start-to-first-frame of the console in a real window under Xvfb, median of N runs (default 5).
#  cold: a new workspace each run (schema created, sample seeded), page cache dropped when permitted;
#  warm: the same workspace again, right after a previous start.
# The app reports first-frame-ms (JVM start -> first rendered frame) when SLIPWAY_EXIT_AFTER_FIRST_FRAME=1,
# then closes; wall-ms is measured here from launch to process exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/xvfb-lib.sh
xvfb_install
runs=${1:-5}
[ -f target/slipway.jar ] || mvn -q -ntp -DskipTests package
xvfb_start "${SLIPWAY_DISPLAY:-:98}"   # another display when :98 is taken
tmp=$(mktemp -d)
trap 'kill $XVFB_PID 2>/dev/null; rm -rf "$tmp"' EXIT

one_run() { # workspace -> prints "first-frame-ms wall-ms"
  local t0 t1 ff
  t0=$(date +%s%N)
  SLIPWAY_EXIT_AFTER_FIRST_FRAME=1 java -jar target/slipway.jar --workspace "$1" 2> "$tmp/err" >/dev/null \
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
  printf '%s: first-frame median %s ms (runs: %s); launch-to-exit median %s ms\n' "$kind" \
    "$(cut -d' ' -f1 "$tmp/$kind.times" | median)" "$(cut -d' ' -f1 "$tmp/$kind.times" | tr '\n' ' ' | sed 's/ $//')" \
    "$(cut -d' ' -f2 "$tmp/$kind.times" | median)"
done
