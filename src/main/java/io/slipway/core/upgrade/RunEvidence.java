package io.slipway.core.upgrade;

import java.util.List;

/**
 * What the run check saw, through the engine's inspect and events: whether the run-command was still running at the end
 * of the watch window, its exit code (null while running), restarts, the OOM flag, the last health status and the last
 * health-command outputs (newest last), how long it was watched, and a one-line summary of the verdict.
 * {@code waitedMs} is the part of the watch spent waiting between looks (neither Slipway's work nor the engine's: the
 * orchestration-overhead benchmark leaves it out).
 */
public record RunEvidence(boolean running, Long exitCode, int restartCount, boolean oomKilled, String healthStatus,
                          List<String> healthOutputs, long watchedMs, String summary, long waitedMs) {
    public static final RunEvidence NONE = new RunEvidence(false, null, 0, false, null, List.of(), 0, null, 0);

    public RunEvidence {
        healthOutputs = healthOutputs == null ? List.of() : List.copyOf(healthOutputs);
    }

    public RunEvidence(boolean running, Long exitCode, int restartCount, boolean oomKilled, String healthStatus,
                       List<String> healthOutputs, long watchedMs, String summary) {
        this(running, exitCode, restartCount, oomKilled, healthStatus, healthOutputs, watchedMs, summary, 0);
    }
}
