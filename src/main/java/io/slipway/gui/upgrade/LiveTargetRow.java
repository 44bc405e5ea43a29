package io.slipway.gui.upgrade;

import io.slipway.core.upgrade.UpgradeTargetRecord;
import io.slipway.gui.common.LiveRow;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One node × software target of the running upgrade, updated on the FX thread: its current record (phase, step,
 * both verdicts) and the run-check countdown besides the {@link LiveRow}.
 */
public final class LiveTargetRow extends LiveRow {
    private final String node;
    private final String software;
    private final ObjectProperty<UpgradeTargetRecord> record = new SimpleObjectProperty<>(this, "record");
    private final StringProperty countdown = new SimpleStringProperty(this, "countdown", "");

    LiveTargetRow(UpgradeTargetRecord first) {
        super(first.phase().label());
        this.node = first.node();
        this.software = first.software();
        record.set(first);
    }

    public String node() {
        return node;
    }

    public String software() {
        return software;
    }

    /** {@code 2.3.1 → 2.4.0} (or {@code install 1.1.0}). */
    public String change() {
        UpgradeTargetRecord t = record.get();
        return t.fromVersion() == null ? "install " + t.toVersion() : t.fromVersion() + " → " + t.toVersion();
    }

    public ObjectProperty<UpgradeTargetRecord> recordProperty() {
        return record;
    }

    /** {@code run check: 87 s left · running · healthy · 0 restarts}; empty outside the run check. */
    public StringProperty countdownProperty() {
        return countdown;
    }
}
