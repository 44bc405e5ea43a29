package io.slipway.core.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A container to create: image, name, entrypoint (null keeps the image's), command, labels, an optional named
 * volume mounted at {@code volumeMount}, an optional container port ({@code 8080/tcp}) published on the node's
 * loopback at an ephemeral host port, an optional working directory and an optional engine health check.
 */
public record ContainerSpec(String image, String name, List<String> entrypoint, List<String> cmd,
                            Map<String, String> labels, String volumeName, String volumeMount, String publishPort,
                            String workdir, Health health) {
    /** An engine health check: {@code sh -c command} every {@code interval}, unhealthy after {@code retries} fails. */
    public record Health(String command, Duration interval, Duration timeout, int retries, Duration startPeriod) {
    }

    public ContainerSpec {
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        labels = Map.copyOf(labels);
    }

    public ContainerSpec(String image, String name, List<String> entrypoint, List<String> cmd,
                         Map<String, String> labels, String volumeName, String volumeMount, String publishPort) {
        this(image, name, entrypoint, cmd, labels, volumeName, volumeMount, publishPort, null, null);
    }
}
