package io.slipway.gui.upgrade;

import java.util.BitSet;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The cells chosen in the diff table, by (diff row, column): a bit per cell, so choosing a whole column of a
 * 1,000-node fleet or every cell of 500 columns stays cheap. {@link #changesProperty()} ticks on every change so
 * the view repaints the cells it shows; the selection knows no table nodes.
 */
public final class DiffSelection {
    private final BitSet bits = new BitSet();
    private final ReadOnlyIntegerWrapper changes = new ReadOnlyIntegerWrapper(this, "changes");
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");
    private int rows;
    private int columns;

    /** Empties the selection for a diff of this shape. */
    void reset(int rowCount, int columnCount) {
        rows = rowCount;
        columns = columnCount;
        bits.clear();
        changed();
    }

    public boolean isSelected(int row, int column) {
        return inside(row, column) && bits.get(bit(row, column));
    }

    /** Ctrl+click: adds or removes one cell. */
    public void toggle(int row, int column) {
        if (inside(row, column)) {
            bits.flip(bit(row, column));
            changed();
        }
    }

    /** Plain click: this cell only. */
    public void selectOnly(int row, int column) {
        bits.clear();
        toggle(row, column);
    }

    /** Every cell of a node; {@code add} keeps what was chosen before (Ctrl). */
    public void selectRow(int row, boolean add) {
        if (!add) {
            bits.clear();
        }
        if (row >= 0 && row < rows) {
            bits.set(bit(row, 0), bit(row, 0) + columns);
        }
        changed();
    }

    /** Every node's cell of one software; {@code add} keeps what was chosen before (Ctrl). */
    public void selectColumn(int column, boolean add) {
        if (!add) {
            bits.clear();
        }
        if (column >= 0 && column < columns) {
            for (int r = 0; r < rows; r++) {
                bits.set(bit(r, column));
            }
        }
        changed();
    }

    public void selectAll() {
        bits.set(0, rows * columns);
        changed();
    }

    public void clear() {
        bits.clear();
        changed();
    }

    public boolean isEmpty() {
        return bits.isEmpty();
    }

    /** Calls {@code action} with (row, column) of every chosen cell, row by row. */
    public void forEach(CellAction action) {
        for (int b = bits.nextSetBit(0); b >= 0; b = bits.nextSetBit(b + 1)) {
            action.accept(b / columns, b % columns);
        }
    }

    /** A (row, column) visitor. */
    @FunctionalInterface
    public interface CellAction {
        void accept(int row, int column);
    }

    /** How many cells are chosen. */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Ticks on every change. */
    public ReadOnlyIntegerProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    private boolean inside(int row, int column) {
        return row >= 0 && row < rows && column >= 0 && column < columns;
    }

    private int bit(int row, int column) {
        return row * columns + column;
    }

    private void changed() {
        count.set(bits.cardinality());
        changes.set(changes.get() + 1);
    }
}
