package io.slipway.gui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;

/** Binds read-only table columns to row accessors (text cells get a full-text tooltip). */
public final class Columns {
    private Columns() {
    }

    public static <R> void text(TableColumn<R, String> column, Function<R, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setCellFactory(c -> TextCells.table());
    }

    public static <R, V> void value(TableColumn<R, V> column, Function<R, V> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    public static <R> void text(TreeTableColumn<R, String> column, Function<R, String> value) {
        column.setCellValueFactory(c -> {
            TreeItem<R> item = c.getValue();
            return new ReadOnlyStringWrapper(item == null || item.getValue() == null ? "" : value.apply(item.getValue()));
        });
        column.setCellFactory(c -> TextCells.tree());
    }
}
