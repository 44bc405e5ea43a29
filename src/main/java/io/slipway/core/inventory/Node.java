package io.slipway.core.inventory;

import io.slipway.core.engine.EngineEndpoint;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A build node: one Docker Engine API endpoint, and what Slipway last learned about it. {@code lastSeen} is the last
 * time it answered a probe, {@code lastProbeAt} the last time it was asked; {@code installed} is software → version
 * as read from the labels of Slipway's software images on it.
 */
public record Node(long id, String name, String endpoint, List<String> groups, String notes, NodeStatus status,
                   String statusReason, String engineVersion, String osArch, Instant lastSeen,
                   Map<String, String> installed, String tlsCertDir, Map<String, String> labels, String engineKind,
                   String apiVersion, Integer cpus, Long memoryBytes, Instant lastProbeAt) {
    public Node {
        groups = List.copyOf(groups);
        installed = Map.copyOf(installed);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** The shape before the deploy work (kept for callers such as the sample importer and the views). */
    public Node(long id, String name, String endpoint, List<String> groups, String notes, NodeStatus status,
                String statusReason, String engineVersion, String osArch, Instant lastSeen,
                Map<String, String> installed) {
        this(id, name, endpoint, groups, notes, status, statusReason, engineVersion, osArch, lastSeen, installed,
                null, Map.of(), null, null, null, null, null);
    }

    public EngineEndpoint engineEndpoint() {
        return new EngineEndpoint(endpoint, tlsCertDir == null || tlsCertDir.isBlank() ? null : Path.of(tlsCertDir));
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }
}
