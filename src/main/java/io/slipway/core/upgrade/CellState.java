package io.slipway.core.upgrade;

/** What one node × software cell of an offer's diff means for an upgrade run. */
public enum CellState {
    /** Installed and the offer is strictly newer: upgraded by a run. */
    TARGET("upgrade"),
    /** Installed at the offered version or newer: left alone. */
    CURRENT("current"),
    /** The node does not have the software: not a target (unless the run installs where missing). */
    NOT_INSTALLED("not installed"),
    /** Not installed, and the run was asked to install where missing: a deploy of the offered version. */
    INSTALL("install");

    private final String label;

    CellState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a run acts on this cell. */
    public boolean acted() {
        return this == TARGET || this == INSTALL;
    }
}
