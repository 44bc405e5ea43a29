package io.slipway.core.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A build node: one Docker Engine API endpoint, and what Slipway last learned about it. */
public record Node(long id, String name, String endpoint, List<String> groups, String notes, NodeStatus status,
                   String statusReason, String engineVersion, String osArch, Instant lastSeen,
                   Map<String, String> installed) {
    public Node {
        groups = List.copyOf(groups);
        installed = Map.copyOf(installed);
    }
}
