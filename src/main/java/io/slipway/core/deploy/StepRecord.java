package io.slipway.core.deploy;

import java.time.Instant;

/** One timed step of one node, as stored ({@code outcome}: ok, failed, denied, skipped, aborted). */
public record StepRecord(String node, int seq, String step, Instant startedAt, long durationMs, String outcome,
                         String detail) {
}
