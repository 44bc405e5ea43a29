#!/usr/bin/env bash
# The project's one test command on a fresh Debian 12 machine (root):
# install system packages, start the integration-test environment, run `mvn verify`, always stop the env.
# Extra arguments go to Maven, e.g.  bash scripts/test.sh -Dslipway.buildDir=/tmp/build -Dit.test=RegistryIT
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/test-env.sh install

# Stop the env however we leave (success, test failure, Ctrl-C); set before start so that a start that
# dies half-way is cleaned up too.
trap 'bash scripts/test-env.sh stop || true' EXIT

# Capture first, then eval: `eval "$(...)"` alone would swallow a failing start.
env_exports=$(bash scripts/test-env.sh start)
eval "$env_exports"

rc=0
mvn -B -ntp verify "$@" || rc=$?
echo "[test.sh] mvn verify exited with $rc" >&2
exit "$rc"
