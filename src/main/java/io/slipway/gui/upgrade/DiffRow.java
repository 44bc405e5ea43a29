package io.slipway.gui.upgrade;

import io.slipway.core.upgrade.UpgradeCell;
import io.slipway.core.upgrade.UpgradeDiff;
import java.util.List;

/**
 * One node of the diff as the table shows it. {@code index} is its place in the diff, which stays the same when
 * the table is sorted, so the selection ({@link DiffSelection}) keys on it.
 */
public record DiffRow(int index, UpgradeDiff.Row row) {
    public String node() {
        return row.node();
    }

    public List<UpgradeCell> cells() {
        return row.cells();
    }
}
