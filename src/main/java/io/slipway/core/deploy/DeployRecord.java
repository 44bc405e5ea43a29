package io.slipway.core.deploy;

import java.time.Instant;
import java.util.List;

/**
 * A deploy of software@version over some nodes, as recorded in the workspace. {@code uid} is the deploy id written
 * into image and container labels; {@code retryOf} the deploy this one retried.
 */
public record DeployRecord(long id, String software, String version, boolean forced, DeployState state,
                           Instant startedAt, Instant finishedAt, List<NodeDeployRecord> nodes, String uid,
                           String registry, String envImageRef, Integer parallelism, Long retryOf) {
    public DeployRecord {
        nodes = List.copyOf(nodes);
    }

    /** The shape before the deploy pipeline (sample history, views). */
    public DeployRecord(long id, String software, String version, boolean forced, DeployState state,
                        Instant startedAt, Instant finishedAt, List<NodeDeployRecord> nodes) {
        this(id, software, version, forced, state, startedAt, finishedAt, nodes, null, null, null, null, null);
    }

    public long countIn(String nodeState) {
        return nodes.stream().filter(n -> n.state().equals(nodeState)).count();
    }
}
