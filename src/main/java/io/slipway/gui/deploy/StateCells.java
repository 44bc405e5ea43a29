package io.slipway.gui.deploy;

import io.slipway.gui.look.Icons;
import java.util.Locale;
import javafx.scene.control.TableCell;

/**
 * Cells that carry their state as a CSS class ({@code state-done}, {@code state-failed}, …) for colour, and as an
 * icon whose shape tells the states apart without it.
 */
final class StateCells {
    private StateCells() {
    }

    static <R> TableCell<R, String> create() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String state, boolean empty) {
                super.updateItem(state, empty);
                getStyleClass().removeIf(s -> s.startsWith("state-"));
                setText(empty ? null : state);
                setGraphic(empty ? null : Icons.forStatus(state));
                if (!empty && state != null) {
                    getStyleClass().add("state-" + state.toLowerCase(Locale.ROOT));
                }
            }
        };
    }
}
