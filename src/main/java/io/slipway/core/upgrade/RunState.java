package io.slipway.core.upgrade;

/** The state of an upgrade run as a whole. */
public enum RunState {
    /** Waves are being worked through. */
    RUNNING("running"),
    /** A wave's failure share passed its threshold: later waves wait for resume, retry or abort. */
    PAUSED("paused"),
    /** Stopped by the user; targets not finished end aborted. */
    ABORTED("aborted"),
    /** Slipway stopped while the run was running (set at the next start-up); resume or retry goes on with it. */
    INTERRUPTED("interrupted"),
    /** Every wave ran. */
    FINISHED("finished");

    private final String label;

    RunState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Resume/retry may go on with a run in this state. */
    public boolean canContinue() {
        return this == PAUSED || this == INTERRUPTED;
    }
}
