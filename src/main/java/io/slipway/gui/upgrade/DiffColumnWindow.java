package io.slipway.gui.upgrade;

import io.slipway.core.upgrade.UpgradeCell;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Shows a diff of hundreds of software through a window of as many table columns as fit: a TableView makes every
 * cell of every column for each visible row, so 500 real columns cost seconds per scroll step. Here the table holds
 * only the columns on screen; the horizontal scroll bar moves which software they show and the cells on screen are
 * refreshed, which is a screenful of work whatever the offer's size. Column {@code slot} shows software
 * {@code offset + slot}.
 */
final class DiffColumnWindow {
    static final double COLUMN_WIDTH = 170;

    /** What each shown column needs from the view. */
    interface Columns {
        /** The software names, in diff order. */
        List<String> software();

        /** A header was clicked (Ctrl: add to the choice). */
        void headerClicked(int software, boolean add);

        /** A cell for the column in {@code slot}. */
        TableCell<DiffRow, UpgradeCell> cell(DiffColumnWindow window, int slot);

        /** The window moved: the cells on screen re-read their software. */
        void shifted();
    }

    private final TableView<DiffRow> table;
    private final TableColumn<DiffRow, ?> fixed;
    private final ScrollBar bar;
    private final Columns columns;
    private final List<Label> headers = new ArrayList<>();
    private int offset;

    DiffColumnWindow(TableView<DiffRow> table, TableColumn<DiffRow, ?> fixed, ScrollBar bar, Columns columns) {
        this.table = table;
        this.fixed = fixed;
        this.bar = bar;
        this.columns = columns;
        bar.setOrientation(Orientation.HORIZONTAL);
        bar.setMin(0);
        bar.setUnitIncrement(1);
        bar.valueProperty().addListener((obs, was, now) -> moveTo((int) Math.round(now.doubleValue())));
        table.widthProperty().addListener(o -> rebuild());
        fixed.prefWidthProperty().addListener(o -> rebuild());
        table.addEventFilter(ScrollEvent.SCROLL, e -> {
            double dx = e.isShiftDown() && e.getDeltaX() == 0 ? e.getDeltaY() : e.getDeltaX();
            if (dx != 0 && bar.isVisible()) {
                bar.setValue(Math.max(bar.getMin(), Math.min(bar.getMax(), bar.getValue() - Math.signum(dx))));
                e.consume();
            }
        });
    }

    /** The software index shown by {@code slot}, or -1 past the last. */
    int software(int slot) {
        int s = offset + slot;
        return s < columns.software().size() ? s : -1;
    }

    /** After the software list changed (another offer): back to the first column. */
    void reset() {
        offset = 0;
        bar.setValue(0);
        rebuild();
    }

    /** Makes as many columns as fit the table's width and keeps the scroll bar's range in step. */
    void rebuild() {
        int total = columns.software().size();
        double free = Math.max(COLUMN_WIDTH, table.getWidth() - fixed.getPrefWidth() - 20);
        // whole columns only: the constrained resize policy would squeeze a partial one into every column
        int fit = Math.min(total, Math.max(1, (int) Math.floor(free / COLUMN_WIDTH)));
        int maxOffset = Math.max(0, total - Math.max(1, (int) Math.floor(free / COLUMN_WIDTH)));
        bar.setMax(maxOffset);
        bar.setVisibleAmount(Math.max(1, total - maxOffset));
        bar.setBlockIncrement(Math.max(1, fit - 1));
        bar.setVisible(maxOffset > 0);
        bar.setManaged(maxOffset > 0);
        offset = Math.min(offset, maxOffset);
        if (headers.size() != fit) {
            List<TableColumn<DiffRow, ?>> shown = new ArrayList<>();
            shown.add(fixed);
            headers.clear();
            for (int slot = 0; slot < fit; slot++) {
                shown.add(column(slot));
            }
            table.getColumns().setAll(shown);
        }
        relabel();
    }

    private TableColumn<DiffRow, UpgradeCell> column(int slot) {
        TableColumn<DiffRow, UpgradeCell> column = new TableColumn<>();
        Label header = new Label();
        header.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            int s = software(slot);
            if (s >= 0) {
                columns.headerClicked(s, e.isShortcutDown());
            }
        });
        headers.add(header);
        column.setGraphic(header);
        column.setSortable(false); // a header click chooses the column
        column.setReorderable(false);
        column.setPrefWidth(COLUMN_WIDTH);
        column.setCellValueFactory(c -> {
            int s = software(slot);
            return new ReadOnlyObjectWrapper<>(s < 0 ? null : c.getValue().cells().get(s));
        });
        column.setCellFactory(c -> columns.cell(this, slot));
        return column;
    }

    private void moveTo(int newOffset) {
        if (newOffset != offset) {
            offset = newOffset;
            relabel();
            columns.shifted(); // cheaper than table.refresh(), which makes every cell anew
        }
    }

    private void relabel() {
        for (int slot = 0; slot < headers.size(); slot++) {
            int s = software(slot);
            String name = s < 0 ? "" : columns.software().get(s);
            headers.get(slot).setText(name);
            headers.get(slot).setId(s < 0 ? null : "software-header-" + name);
        }
    }
}
