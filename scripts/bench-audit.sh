#!/usr/bin/env bash
# Audit trail at scale: N events (default 1,000,000) appended by the trail's normal append (hash link per event; one commit per 100 events),
# then: Audit view open + filters (targets < 1 s and < 200 ms), full-chain `audit verify` against sha256sum over a
# file of the same total size (the chain's JSONL export; target ratio >= 0.5), offline `audit verify --file`, and a
# CSV export of the whole chain in a small fixed heap (bounded memory).
#
#   scripts/bench-audit.sh [events=1000000]
#
# The generated workspace is kept in $BENCH_AUDIT_DIR (default target/bench-audit) and reused by later runs.
# Env: SLIPWAY_BUILD_DIR (default target), BENCH_HEAP (default 1g), BENCH_CSV_HEAP (default 64m).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${SLIPWAY_BUILD_DIR:-$PWD/target}"
events="${1:-1000000}"
work="${BENCH_AUDIT_DIR:-$build_dir/bench-audit}"
ws="$work/ws-$events"
mkdir -p "$work"
mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$build_dir/bench.classpath" -Dslipway.buildDir="$build_dir"
cp="$build_dir/test-classes:$build_dir/classes:$(cat "$build_dir/bench.classpath")"
run() { local heap="$1"; shift; java -Xms"$heap" -Xmx"$heap" -cp "$cp" io.slipway.bench.AuditBench "$@"; }

run "${BENCH_HEAP:-1g}" generate "$ws" "$events"
run "${BENCH_HEAP:-1g}" view "$ws"
out="$(run "${BENCH_HEAP:-1g}" verify "$ws" "$work/chain.jsonl")"
echo "$out" | grep -v -- '-ms '
verify_ms="$(echo "$out" | awk '/^verify-ms/ {print $2}')"
sha_times=()
for _ in 1 2 3; do
    s=$(date +%s%N); sha256sum "$work/chain.jsonl" >/dev/null; e=$(date +%s%N)
    sha_times+=($(( (e - s) / 1000000 )))
done
sha_ms="$(printf '%s\n' "${sha_times[@]}" | sort -n | sed -n 2p)"
bytes="$(stat -c %s "$work/chain.jsonl")"
awk -v b="$bytes" -v v="$verify_ms" -v s="$sha_ms" 'BEGIN {
    printf "sha256sum over the same %d bytes: median %d ms (%.0f MB/s); audit verify: %d ms (%.0f MB/s)\n", b, s, b/s/1000, v, b/v/1000;
    printf "verify rate / sha256sum rate = %.2f (target >= 0.50)\n", s / v }'
run "${BENCH_CSV_HEAP:-64m}" csv "$ws" "$work/chain.csv"
