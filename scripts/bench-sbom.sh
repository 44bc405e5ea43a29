#!/usr/bin/env bash
# SPDX JSON read benchmark: Jackson readTree / bare streaming vs Slipway's lenient streaming reader (clean and with
# injected defects) vs spdx-java-library, on 10k- and
# 50k-package documents built deterministically from the real packages in ../shared/corpus/spdx.
#
#   scripts/bench-sbom.sh [sizes=10000,50000] [timed-runs=15] [warm-ups=20]
#
# Env: SLIPWAY_BUILD_DIR (default target; keep builds apart on a shared machine), SLIPWAY_SHARED_DIR (the shared
# test data, default ../shared then /work/shared), BENCH_HEAP (default 3g; fixed so runs compare), BENCH_LIBRARY=0
# (skip the spdx-java-library rows, minutes at 50k). After the SPDX sizes: CycloneDX XML of 10k components vs StAX.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${SLIPWAY_BUILD_DIR:-$PWD/target}"
heap="${BENCH_HEAP:-3g}"
mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$build_dir/bench.classpath" -Dslipway.buildDir="$build_dir"
exec java -Xms"$heap" -Xmx"$heap" -Dorg.spdx.useJARLicenseInfoOnly=true \
    -cp "$build_dir/test-classes:$build_dir/classes:$(cat "$build_dir/bench.classpath")" \
    io.slipway.bench.SbomReadBench "${1:-10000,50000}" "${2:-15}" "${3:-20}" "$build_dir"
