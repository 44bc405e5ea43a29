package io.slipway.core.upgrade;

import java.util.List;

/**
 * What the run check saw, through the engine's inspect and events: whether the run-command was still running at the end
 * of the watch window, its exit code (null while running), restarts, the OOM flag, the last health status and the last
 * health-command outputs (newest last), how long it was watched, and a one-line summary of the verdict.
 */
public record RunEvidence(boolean running, Long exitCode, int restartCount, boolean oomKilled, String healthStatus,
                          List<String> healthOutputs, long watchedMs, String summary) {
    public static final RunEvidence NONE = new RunEvidence(false, null, 0, false, null, List.of(), 0, null);

    public RunEvidence {
        healthOutputs = healthOutputs == null ? List.of() : List.copyOf(healthOutputs);
    }
}
