package io.slipway.gui.deploy;

import io.slipway.core.deploy.NodeDeployState;
import io.slipway.gui.common.LiveRow;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One node of the running deploy, updated on the FX thread: its state and result besides the {@link LiveRow}. */
public final class LiveNodeRow extends LiveRow {
    private final String node;
    private final ObjectProperty<NodeDeployState> state = new SimpleObjectProperty<>(this, "state",
            NodeDeployState.PENDING);
    private final StringProperty result = new SimpleStringProperty(this, "result", "");

    LiveNodeRow(String node) {
        super(NodeDeployState.PENDING.label());
        this.node = node;
    }

    public String node() {
        return node;
    }

    public ObjectProperty<NodeDeployState> stateProperty() {
        return state;
    }

    public StringProperty resultProperty() {
        return result;
    }
}
