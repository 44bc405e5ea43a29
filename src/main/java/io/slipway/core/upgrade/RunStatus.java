package io.slipway.core.upgrade;

/** Second verdict of a target, kept apart from the first: how the new build ran in its run check. */
public enum RunStatus {
    /** Kept running for the whole watch window, never restarted, never OOM-killed, health (if any) healthy. */
    HEALTHY("healthy"),
    /** Exited, restarted, was OOM-killed, or its health command failed: rolled back. */
    ABNORMAL("abnormal"),
    /** No run check: the environment has no run-command, or the upgrade failed, or was skipped. */
    NOT_CHECKED("not checked");

    private final String label;

    RunStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
