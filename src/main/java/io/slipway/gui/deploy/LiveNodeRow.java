package io.slipway.gui.deploy;

import io.slipway.core.deploy.NodeDeployState;
import java.time.Instant;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One node of the running deploy, updated on the FX thread. {@code progress} -1 means indeterminate. */
public final class LiveNodeRow {
    /** How many log lines a row keeps. */
    public static final int LOG_LINES = 200;

    private final String node;
    private final ObjectProperty<NodeDeployState> state = new SimpleObjectProperty<>(this, "state",
            NodeDeployState.PENDING);
    private final StringProperty step = new SimpleStringProperty(this, "step", NodeDeployState.PENDING.label());
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty elapsed = new SimpleStringProperty(this, "elapsed", "");
    private final StringProperty result = new SimpleStringProperty(this, "result", "");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    Instant startedAt;
    Instant endedAt;

    LiveNodeRow(String node) {
        this.node = node;
    }

    public String node() {
        return node;
    }

    public ObjectProperty<NodeDeployState> stateProperty() {
        return state;
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

    public StringProperty resultProperty() {
        return result;
    }

    /** The last {@link #LOG_LINES} build-log lines. */
    public ObservableList<String> log() {
        return log;
    }

    void addLog(java.util.List<String> lines) {
        log.addAll(lines);
        if (log.size() > LOG_LINES) {
            log.remove(0, log.size() - LOG_LINES);
        }
    }
}
