#!/usr/bin/env bash
# Benchmark: publishing a release with 1,000 files per component vs `cp -r` + `sha256sum` of the same tree.
# Generates the tree deterministically (seed 42), runs both several times, prints medians and the ratio.
# Usage: scripts/bench-publish.sh [--components 10] [--files 1000] [--runs 5] [--max-kib 64] [--dir /tmp/...]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${SLIPWAY_BUILD_DIR:-/tmp/build-bench-publish}
mvn -B -ntp -q test-compile -Dslipway.buildDir="$BUILD_DIR"
mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$BUILD_DIR/bench.classpath" \
    -Dslipway.buildDir="$BUILD_DIR"
exec java -Xmx2g -Dorg.spdx.useJARLicenseInfoOnly=true \
    -cp "$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$BUILD_DIR/bench.classpath")" \
    io.slipway.bench.PublishBench "$@"
