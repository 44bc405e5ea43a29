package io.slipway.core.engine;

import java.util.List;

/**
 * A container's state as the engine's inspect reports it: running, exit code (null while running), restarts, OOM
 * flag, health status ({@code starting}/{@code healthy}/{@code unhealthy}; null without a health check) and the
 * outputs of its last health checks (oldest first).
 */
public record ContainerState(boolean running, String status, Long exitCode, int restartCount, boolean oomKilled,
                             String healthStatus, int failingStreak, List<String> healthOutputs) {
    public ContainerState {
        healthOutputs = healthOutputs == null ? List.of() : List.copyOf(healthOutputs);
    }
}
