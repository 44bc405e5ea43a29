package io.slipway.gui.common;

import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;

/** Table cells showing a progress bar; a value below 0 shows as indeterminate. */
public final class ProgressCells {
    private ProgressCells() {
    }

    public static <R> TableCell<R, Number> create() {
        return new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();

            {
                bar.setMaxWidth(Double.MAX_VALUE);
            }

            @Override
            protected void updateItem(Number value, boolean empty) {
                super.updateItem(value, empty);
                if (empty || value == null) {
                    setGraphic(null);
                    return;
                }
                bar.setProgress(value.doubleValue() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : value.doubleValue());
                setGraphic(bar);
            }
        };
    }
}
