#!/usr/bin/env bash
# Refresh benchmark (issue 10): 1,000 node entries (aliases of the test engines + 10 % black holes that accept
# connections and never answer) — wall time per run, median, and the false-unreachable count (must be 0).
# Needs the integration-test environment running:
#   eval "$(scripts/test-env.sh start)"; scripts/bench-refresh.sh
# Knobs (system properties through SLIPWAY_BENCH_JAVA_OPTS): -Dentries=1000 -Dparallel=16 -Dtimeout=8 -Dreps=3
set -euo pipefail
cd "$(dirname "$0")/.."
: "${SLIPWAY_TEST_NODES:?start the test environment first: eval \"\$(scripts/test-env.sh start)\"}"
BUILD_DIR=${SLIPWAY_BUILD_DIR:-/tmp/slipway-bench-refresh-build}
mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile="$BUILD_DIR/cp.txt" -Dslipway.buildDir="$BUILD_DIR"
exec java ${SLIPWAY_BENCH_JAVA_OPTS:-} -cp "$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$BUILD_DIR/cp.txt")" \
  io.slipway.it.RefreshBench
