package io.slipway.core.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a deploy ended on one node. {@code failedStep} and {@code retryable} are set for FAILED/DENIED/ABORTED;
 * {@code engineTime} is the time spent inside engine and registry calls (the rest of {@code duration} is Slipway's
 * own orchestration); {@code logTail} holds the last build-log lines.
 */
public record NodeOutcome(String node, NodeDeployState state, String detail, NodeDeployState failedStep,
                          boolean retryable, String envImage, String envDigest, String softwareImage,
                          String softwareDigest, Instant startedAt, Duration duration, Duration engineTime,
                          List<String> logTail) {
    public NodeOutcome {
        logTail = List.copyOf(logTail);
    }

    /** This outcome with another {@code duration}. */
    public NodeOutcome withDuration(Duration total) {
        return new NodeOutcome(node, state, detail, failedStep, retryable, envImage, envDigest, softwareImage,
                softwareDigest, startedAt, total, engineTime, logTail);
    }

    /** Share of the node's time not spent in engine/registry calls (0..1). */
    public double overheadShare() {
        long total = duration.toNanos();
        return total <= 0 ? 0 : Math.max(0, total - engineTime.toNanos()) / (double) total;
    }
}
