package io.slipway.gui.common;

import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.text.Text;

/** Plain text cells whose tooltip shows the full text, so a narrow column never hides data. */
public final class TextCells {
    private TextCells() {
    }

    public static <R> TableCell<R, String> table() {
        return new TableCell<>() {
            private final Tooltip tooltip = new Tooltip();

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                show(this, tooltip, empty ? null : text);
            }
        };
    }

    /** For long lists ("a 1.0, b 2.0, …"): wraps within the column, making the row taller. */
    public static <R> TableCell<R, String> wrapping() {
        return new TableCell<>() {
            private final Text text = new Text();

            {
                text.getStyleClass().add("wrapping-text");
                text.wrappingWidthProperty().bind(widthProperty().subtract(10));
                setPrefHeight(Control.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : text);
            }
        };
    }

    public static <R> TreeTableCell<R, String> tree() {
        return new TreeTableCell<>() {
            private final Tooltip tooltip = new Tooltip();

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                show(this, tooltip, empty ? null : text);
            }
        };
    }

    private static void show(IndexedCell<?> cell, Tooltip tooltip, String text) {
        cell.setText(text);
        if (text == null || text.isBlank() || Formats.NONE.equals(text)) {
            cell.setTooltip(null);
        } else {
            tooltip.setText(text);
            cell.setTooltip(tooltip);
        }
    }
}
