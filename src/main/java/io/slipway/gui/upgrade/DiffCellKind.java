package io.slipway.gui.upgrade;

import io.slipway.core.upgrade.UpgradeCell;

/**
 * What one node × software cell of the diff means for an upgrade, with its CSS class. A node without the software
 * is never an upgrade target: it is "not installed", and only the explicit "also install where missing" choice
 * turns it into a deploy.
 */
public enum DiffCellKind {
    TARGET("upgrade-target"),
    CURRENT("upgrade-current"),
    NOT_INSTALLED("upgrade-absent");

    private final String styleClass;

    DiffCellKind(String styleClass) {
        this.styleClass = styleClass;
    }

    public String styleClass() {
        return styleClass;
    }

    public static DiffCellKind of(UpgradeCell cell) {
        if (cell.installed() == null) {
            return NOT_INSTALLED;
        }
        return cell.isTarget() ? TARGET : CURRENT;
    }

    /** The cell's text: {@code 1.9.0 → 2.0.0}, {@code 2.4.0 (current)}, or {@code not installed (2.0.0 offered)}. */
    public static String text(UpgradeCell cell) {
        return switch (of(cell)) {
            case TARGET -> cell.installed() + " → " + cell.offered();
            case CURRENT -> cell.installed() + " (current)";
            case NOT_INSTALLED -> "not installed (" + cell.offered() + " offered)";
        };
    }
}
