package io.slipway.core.deploy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The end of a deploy: its final state, and each node's outcome (in request order). */
public record DeploySummary(long deployId, String uid, String software, String version, DeployState state,
                            List<NodeOutcome> nodes, Duration duration) {
    public DeploySummary {
        nodes = List.copyOf(nodes);
    }

    public Map<NodeDeployState, Integer> counts() {
        Map<NodeDeployState, Integer> m = new EnumMap<>(NodeDeployState.class);
        nodes.forEach(n -> m.merge(n.state(), 1, Integer::sum));
        return m;
    }

    /** Every node done or skipped. */
    public boolean allSucceeded() {
        return nodes.stream().allMatch(n -> n.state().isSuccess());
    }
}
