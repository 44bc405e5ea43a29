package io.slipway.core.deploy;

/** What a deploy did on one node: its final state, images and digests, and how long it took. */
public record NodeDeployRecord(String node, String state, String detail, String envImage, String envDigest,
                               String softwareImage, String softwareDigest, Long durationMs) {
}
