#!/usr/bin/env bash
# Deploy benchmarks (issue 4): one command, figures printed at the end (and written to $SLIPWAY_BENCH_REPORT).
#   1. re-deploy of the current version to 8 nodes, all skips: wall time (target < 1 s)
#   2. orchestration overhead per node of a full deploy (target < 5 %)
#   3. push of a ~200 MB image vs `podman push` of the same size (target <= 1.1x); unchanged re-push (<= 5 %)
#
# Needs the integration-test environment running (3 nodes + TLS registry):
#   eval "$(scripts/test-env.sh start)"; scripts/bench-deploy.sh
# It adds 5 podman API nodes of its own (8 engines in all) and removes them again at the end.
# Knobs: SLIPWAY_BENCH_REPS (default 5), SLIPWAY_BENCH_PUSH_MB (default 200; 0 skips the push benchmark),
#        SLIPWAY_BUILD_DIR, SLIPWAY_BENCH_JAVA_OPTS (extra JVM options, e.g. a JFR recording for profiling),
#        SLIPWAY_BENCH_PREBUILT=1 (run what SLIPWAY_BUILD_DIR holds, to compare two builds under the same load).
set -euo pipefail
cd "$(dirname "$0")/.."

: "${SLIPWAY_TESTENV_DIR:?start the test environment first: eval \"\$(scripts/test-env.sh start)\"}"
: "${SLIPWAY_TEST_NODES:?start the test environment first}"
BUILD_DIR=${SLIPWAY_BUILD_DIR:-/tmp/slipway-bench-build}
BENCH_DIR="$SLIPWAY_TESTENV_DIR/bench"
EXTRA=(x3 x4 x5 x6 x7)
export SLIPWAY_BENCH_REPORT=${SLIPWAY_BENCH_REPORT:-$BUILD_DIR/bench-deploy.md}

log() { printf '[bench] %s\n' "$*" >&2; }

stop_extra() {
  local n pid m
  for n in "${EXTRA[@]}"; do
    [[ -d $BENCH_DIR/$n ]] || continue
    timeout 60 podman --root "$BENCH_DIR/$n/root" --runroot "$BENCH_DIR/$n/run" rm -af -t 0 >/dev/null 2>&1 || true
    if [[ -f $BENCH_DIR/$n/pid ]]; then
      pid=$(cat "$BENCH_DIR/$n/pid")
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  # exec sessions leave a conmon per exec for ~300 s; ours name the bench directory in their command line
  local p
  for p in /proc/[0-9]*; do
    [[ "$(cat "$p/comm" 2>/dev/null)" == conmon ]] || continue
    tr '\0' ' ' <"$p/cmdline" 2>/dev/null | grep -qF "$BENCH_DIR/" && kill -KILL "${p#/proc/}" 2>/dev/null || true
  done
  sleep 0.5
  awk -v d="$BENCH_DIR/" 'index($5, d) == 1 { print $5 }' /proc/self/mountinfo | sort -r | while read -r m; do
    umount -l "$m" 2>/dev/null || true
  done
  rm -rf "$BENCH_DIR"
}
trap stop_extra EXIT

if [[ ${SLIPWAY_BENCH_PREBUILT:-0} == 1 ]]; then
  log "using the build in $BUILD_DIR as it is"
else
  log "building (test classes + class path) into $BUILD_DIR"
  mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile="$BUILD_DIR/cp.txt" -Dslipway.buildDir="$BUILD_DIR"
fi

log "starting ${#EXTRA[@]} extra podman nodes under $BENCH_DIR"
extra_nodes=()
for n in "${EXTRA[@]}"; do
  d="$BENCH_DIR/$n"
  mkdir -p "$d/root" "$d/run"
  setsid podman --root "$d/root" --runroot "$d/run" system service --time=0 "unix://$d/api.sock" \
    </dev/null >>"$d/service.log" 2>&1 &
  echo $! >"$d/pid"
  extra_nodes+=("unix://$d/api.sock")
done
for n in "${EXTRA[@]}"; do
  for _ in $(seq 1 300); do
    timeout 5 docker -H "unix://$BENCH_DIR/$n/api.sock" version >/dev/null 2>&1 && break
    sleep 0.2
  done
done
export SLIPWAY_BENCH_EXTRA_NODES=$(IFS=,; echo "${extra_nodes[*]}")

log "running (this takes a few minutes)"
# shellcheck disable=SC2086 # word splitting of the extra options is wanted
java ${SLIPWAY_BENCH_JAVA_OPTS:-} -cp "$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$BUILD_DIR/cp.txt")" io.slipway.it.DeployBench
log "report: $SLIPWAY_BENCH_REPORT"
