package io.slipway.core.engine;

import java.util.List;
import java.util.Map;

/**
 * A container to create: image, name, entrypoint (null keeps the image's), command, labels, an optional named
 * volume mounted at {@code volumeMount}, and an optional container port ({@code 8080/tcp}) published on the node's
 * loopback at an ephemeral host port.
 */
public record ContainerSpec(String image, String name, List<String> entrypoint, List<String> cmd,
                            Map<String, String> labels, String volumeName, String volumeMount, String publishPort) {
    public ContainerSpec {
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        labels = Map.copyOf(labels);
    }
}
