package io.slipway.core.deploy;

import java.time.Instant;
import java.util.List;

/** A deploy of software@version over some nodes, as recorded in the workspace. */
public record DeployRecord(long id, String software, String version, boolean forced, DeployState state,
                           Instant startedAt, Instant finishedAt, List<NodeDeployRecord> nodes) {
    public DeployRecord {
        nodes = List.copyOf(nodes);
    }

    public long countIn(String nodeState) {
        return nodes.stream().filter(n -> n.state().equals(nodeState)).count();
    }
}
