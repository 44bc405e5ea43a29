package io.slipway.gui.upgrade;

import io.slipway.core.upgrade.UpgradeTargetRecord;
import java.util.function.Function;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/**
 * Table cells of a target's verdicts: the text ({@link Verdicts}, with its symbol) and the outcome's CSS class
 * ({@link Verdicts#styleClass}) so the stylesheet colours a rolled-back row apart from a failed one.
 */
final class VerdictCells {
    private VerdictCells() {
    }

    /** {@code column} shows {@code text} of the row's target record, coloured by its outcome. */
    static <R> void bind(TableColumn<R, UpgradeTargetRecord> column, Function<R, javafx.beans.value.ObservableValue<
            UpgradeTargetRecord>> record, Function<UpgradeTargetRecord, String> text) {
        column.setCellValueFactory(c -> record.apply(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(UpgradeTargetRecord t, boolean empty) {
                super.updateItem(t, empty);
                getStyleClass().removeIf(s -> s.startsWith("outcome-"));
                if (empty || t == null) {
                    setText(null);
                    return;
                }
                String shown = text.apply(t);
                setText(shown);
                if (!shown.isEmpty()) {
                    getStyleClass().add(Verdicts.styleClass(t));
                }
            }
        });
    }
}
