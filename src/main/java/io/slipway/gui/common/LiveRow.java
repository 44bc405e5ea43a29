package io.slipway.gui.common;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What every row of a live view has (a node of a deploy, a target of an upgrade), updated on the FX thread: the
 * current step, progress (-1: indeterminate), elapsed time from its start to its end (or now), and its last log lines.
 */
public abstract class LiveRow {
    /** How many log lines a row keeps. */
    public static final int LOG_LINES = 200;

    private final StringProperty step;
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty elapsed = new SimpleStringProperty(this, "elapsed", "");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private Instant startedAt;
    private Instant endedAt;

    protected LiveRow(String firstStep) {
        step = new SimpleStringProperty(this, "step", firstStep);
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

    /** The last {@link #LOG_LINES} log lines. */
    public ObservableList<String> log() {
        return log;
    }

    public void addLog(List<String> lines) {
        log.addAll(lines);
        if (log.size() > LOG_LINES) {
            log.remove(0, log.size() - LOG_LINES);
        }
    }

    public Instant startedAt() {
        return startedAt;
    }

    public void startedAt(Instant at) {
        startedAt = at;
    }

    public Instant endedAt() {
        return endedAt;
    }

    /** Null while it runs. */
    public void endedAt(Instant at) {
        endedAt = at;
    }

    /** Elapsed from the start to the end, or to {@code now} while it runs; nothing before it started. */
    public void updateElapsed(Instant now) {
        if (startedAt != null) {
            elapsed.set(Formats.duration(Duration.between(startedAt, endedAt != null ? endedAt : now)));
        }
    }
}
