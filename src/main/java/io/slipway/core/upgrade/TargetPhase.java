package io.slipway.core.upgrade;

/** Where a target stands in its run. The last four are final for this attempt. */
public enum TargetPhase {
    /** Its wave has not started (or it waits for a free worker). */
    PENDING("waiting"),
    /** Build + push through the deploy engine ({@link UpgradeTargetRecord#step()} names the step). */
    UPGRADING("upgrading"),
    /** The run-check container is being watched. */
    RUN_CHECK("run check"),
    /** Abnormal: marking the new image rolled back. */
    ROLLING_BACK("rolling back"),
    /** Both verdicts are in ({@link UpgradeTargetRecord#action()} says what became of it). */
    DONE("done"),
    /** Its run was aborted before or while it ran. */
    ABORTED("aborted"),
    /** Slipway stopped while it ran (set at the next start-up); resume or retry runs it again. */
    INTERRUPTED("interrupted");

    private final String label;

    TargetPhase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isFinal() {
        return this == DONE || this == ABORTED || this == INTERRUPTED;
    }
}
