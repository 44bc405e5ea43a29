package io.slipway.core.deploy;

import java.time.Instant;

/**
 * What a deploy did on one node: its state, images and digests, and timings. {@code engineMs} is the time spent in
 * engine and registry calls; {@code failedStep} where it stopped; {@code containerId} the environment container
 * (kept on failure when asked).
 */
public record NodeDeployRecord(String node, String state, String detail, String envImage, String envDigest,
                               String softwareImage, String softwareDigest, Long durationMs, String failedStep,
                               boolean retryable, Instant startedAt, Instant finishedAt, Long engineMs,
                               String containerId) {
    /** The shape before the deploy pipeline (sample history, views). */
    public NodeDeployRecord(String node, String state, String detail, String envImage, String envDigest,
                            String softwareImage, String softwareDigest, Long durationMs) {
        this(node, state, detail, envImage, envDigest, softwareImage, softwareDigest, durationMs, null, false, null,
                null, null, null);
    }
}
