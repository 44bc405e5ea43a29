package io.slipway.gui.upgrade;

import io.slipway.core.upgrade.UpgradeTargetRecord;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One node × software target of the running upgrade, updated on the FX thread: the current record (phase, step,
 * both verdicts), progress (-1: indeterminate), elapsed time, the run-check countdown, and the last log lines.
 */
public final class LiveTargetRow {
    /** How many log lines a row keeps. */
    public static final int LOG_LINES = 200;

    private final String node;
    private final String software;
    private final ObjectProperty<UpgradeTargetRecord> record = new SimpleObjectProperty<>(this, "record");
    private final StringProperty step = new SimpleStringProperty(this, "step", "");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty elapsed = new SimpleStringProperty(this, "elapsed", "");
    private final StringProperty countdown = new SimpleStringProperty(this, "countdown", "");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    Instant startedAt;
    Instant endedAt;

    LiveTargetRow(UpgradeTargetRecord first) {
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

    public StringProperty stepProperty() {
        return step;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty elapsedProperty() {
        return elapsed;
    }

    /** {@code run check: 87 s left · running · healthy · 0 restarts}; empty outside the run check. */
    public StringProperty countdownProperty() {
        return countdown;
    }

    public ObservableList<String> log() {
        return log;
    }

    void addLog(List<String> lines) {
        log.addAll(lines);
        if (log.size() > LOG_LINES) {
            log.remove(0, log.size() - LOG_LINES);
        }
    }
}
