#!/usr/bin/env bash
# SBOM browser filter benchmark: the SBOM view with a 50k-package SPDX document built deterministically from the
# real packages in ../shared/corpus/spdx; types filter strings key by key and prints the median and max time from
# a text change to the end of the next pulse's layout (target < 100 ms).
#
#   scripts/bench-sbom-filter.sh [packages=50000] [rounds=5]
#
# Env: SLIPWAY_BUILD_DIR (default target), SLIPWAY_SHARED_DIR (shared test data), BENCH_HEAP (default 2g),
# BENCH_JAVA_OPTS (extra JVM options, e.g. -XX:+UseZGC to compare collectors),
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
exec java -Xms"$heap" -Xmx"$heap" ${BENCH_JAVA_OPTS:-} "${fx[@]}" -Dorg.spdx.useJARLicenseInfoOnly=true \
    -cp "$build_dir/test-classes:$build_dir/classes:$(cat "$build_dir/bench.classpath")" \
    io.slipway.bench.SbomFilterBench "${1:-50000}" "${2:-5}" "$build_dir"
