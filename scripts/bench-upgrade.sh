#!/usr/bin/env bash
# Upgrade benchmarks (issue 9): one command, figures printed at the end (and written to $SLIPWAY_BENCH_REPORT).
#   1. diff of 1,000 nodes × 500 software from a synthetic workspace inventory: compute time (target < 200 ms)
#   2. orchestration overhead per target of a 3-node upgrade, outside engine/registry calls and the watch window's
#      waiting (target < 5 %)
#   3. 3-node single-wave upgrade: wall time vs the slowest target's own build + push + watch (target <= 1.1x)
#
# 2 and 3 need the integration-test environment running:
#   eval "$(scripts/test-env.sh start)"; scripts/bench-upgrade.sh
# `scripts/bench-upgrade.sh diff` runs only the first (no environment needed).
# Knobs: SLIPWAY_BENCH_REPS (default 5), SLIPWAY_BUILD_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${SLIPWAY_BUILD_DIR:-/tmp/slipway-bench-upgrade-build}
export SLIPWAY_BENCH_REPORT=${SLIPWAY_BENCH_REPORT:-$BUILD_DIR/bench-upgrade.md}
if [[ ${1:-} != diff ]]; then
  : "${SLIPWAY_TEST_NODES:?start the test environment first: eval \"\$(scripts/test-env.sh start)\" (or run: $0 diff)}"
fi

printf '[bench] building (test classes + class path) into %s\n' "$BUILD_DIR" >&2
mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile="$BUILD_DIR/cp.txt" -Dslipway.buildDir="$BUILD_DIR"
printf '[bench] running\n' >&2
java -cp "$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$BUILD_DIR/cp.txt")" io.slipway.it.UpgradeBench "$@"
printf '[bench] report: %s\n' "$SLIPWAY_BENCH_REPORT" >&2
