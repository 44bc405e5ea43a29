package io.slipway.core.upgrade;

/** What a run verdict rests on. */
public enum RunBasis {
    /** The engine ran the environment's health command ({@code io.slipway.env.health-command}). */
    HEALTH_COMMAND("health command"),
    /** Only that the run-command kept running (no health command). */
    LIVENESS("liveness only"),
    /** Nothing was run (no run-command, or no successful upgrade). */
    NONE("none");

    private final String label;

    RunBasis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
