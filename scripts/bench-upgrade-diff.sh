#!/usr/bin/env bash
# Upgrade diff benchmark: a fresh workspace with a synthetic fleet (1,000 nodes x 500 software by default) and one
# offer of every software; prints the diff's compute time (target < 200 ms), the time to open the Upgrades view's
# table, and the median and max time per scroll frame (change to end of the next pulse's layout; target: no frame
# over 100 ms).
#
#   scripts/bench-upgrade-diff.sh [nodes=1000] [software=500] [steps=120]
#
# Env: SLIPWAY_BUILD_DIR (default target), BENCH_HEAP (default 2g), BENCH_JAVA_OPTS (extra JVM options),
# BENCH_DISPLAY=xvfb to run in a real (Xvfb) window on $DISPLAY instead of Monocle headless.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${SLIPWAY_BUILD_DIR:-$PWD/target}"
heap="${BENCH_HEAP:-2g}"
mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$build_dir/bench.classpath" -Dslipway.buildDir="$build_dir"
if [[ "${BENCH_DISPLAY:-monocle}" == xvfb ]]; then
    fx=(-Dprism.order=sw)
else
    fx=(-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true
        -Dprism.fontdir=/usr/share/fonts)
fi
exec java -Xms"$heap" -Xmx"$heap" ${BENCH_JAVA_OPTS:-} "${fx[@]}" \
    -cp "$build_dir/test-classes:$build_dir/classes:$(cat "$build_dir/bench.classpath")" \
    io.slipway.bench.UpgradeDiffBench "${1:-1000}" "${2:-500}" "${3:-120}" "$build_dir"
