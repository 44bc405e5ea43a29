package io.slipway.gui.upgrade;

import io.slipway.core.upgrade.RunStatus;
import io.slipway.core.upgrade.TargetAction;
import io.slipway.core.upgrade.UpgradeStatus;
import io.slipway.core.upgrade.UpgradeTargetRecord;
import java.util.function.Predicate;

/** The History tab's status filter: by either verdict or by what became of the target. */
public enum HistoryFilter {
    ALL("any status", t -> true),
    COMMITTED("✔ committed", t -> t.action() == TargetAction.COMMITTED),
    ROLLED_BACK("↩ rolled back (abnormal)", t -> t.action() == TargetAction.ROLLED_BACK),
    FAILED("✖ upgrade failed", t -> t.upgradeStatus() == UpgradeStatus.FAILED),
    HEALTHY("♥ healthy", t -> t.runStatus() == RunStatus.HEALTHY),
    NOT_CHECKED("– not checked", t -> t.runStatus() == RunStatus.NOT_CHECKED),
    SKIPPED("○ skipped", t -> t.action() == TargetAction.SKIPPED),
    UNFINISHED("■ aborted or interrupted", t -> t.action() == null && t.phase().isFinal());

    private final String label;
    private final Predicate<UpgradeTargetRecord> test;

    HistoryFilter(String label, Predicate<UpgradeTargetRecord> test) {
        this.label = label;
        this.test = test;
    }

    public boolean test(UpgradeTargetRecord t) {
        return test.test(t);
    }

    @Override
    public String toString() {
        return label;
    }
}
