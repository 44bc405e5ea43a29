package io.slipway.core.upgrade;

import io.slipway.core.common.Versions;

/**
 * One node × software cell of the upgrade diff: what is installed (null: not installed), what is offered (null: not
 * in the offer), and what a run does with it ({@link #state()}).
 */
public record UpgradeCell(String software, String installed, String offered, CellState state) {
    /** The cell as an upgrade run sees it, without "install where missing". */
    public UpgradeCell(String software, String installed, String offered) {
        this(software, installed, offered, stateOf(installed, offered, false));
    }

    /** Only strictly newer versions of installed software are targets; missing software is not (unless asked). */
    static CellState stateOf(String installed, String offered, boolean installMissing) {
        if (installed == null) {
            return installMissing && offered != null ? CellState.INSTALL : CellState.NOT_INSTALLED;
        }
        return offered != null && Versions.compare(offered, installed) > 0 ? CellState.TARGET : CellState.CURRENT;
    }

    /** A run acts on this cell (an upgrade, or an install where missing when that was asked for). */
    public boolean isTarget() {
        return state.acted();
    }

    public String display() {
        if (offered == null) {
            return installed == null ? "" : installed;
        }
        return switch (state) {
            case TARGET -> installed + " → " + offered;
            case INSTALL -> "— → " + offered + " (install)";
            case NOT_INSTALLED -> "not installed";
            case CURRENT -> installed + " (current)";
        };
    }
}
