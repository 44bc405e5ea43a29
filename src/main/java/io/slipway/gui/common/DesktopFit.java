package io.slipway.gui.common;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * Keeps what a user reads first whole at any window size the console supports: buttons, view and section titles, the captions of control rows
 * and filter choices never shrink below the width of their text, filter fields keep room for their prompt, and
 * table columns never get narrower than their header. Applied once to every loaded view, so views need no
 * per-control sizing (the layout gives the space back elsewhere: the table, a spacer, a summary).
 */
public final class DesktopFit {
    /** Room for the sort arrow and the header's own padding beyond its label. */
    private static final double HEADER_EXTRA = 14;

    private DesktopFit() {
    }

    /** Walks {@code root} once; tables re-fit their headers whenever their columns change. */
    public static void apply(Parent root) {
        NodeTree.walk(root, DesktopFit::fit);
    }

    private static void fit(Node node) {
        if (node instanceof ButtonBase || node instanceof ComboBox<?> || isTitle(node) || isRowCaption(node)) {
            ((Region) node).setMinWidth(Region.USE_PREF_SIZE);
        }
        if (node instanceof ComboBox<?> combo) {
            combo.setPrefWidth(Region.USE_COMPUTED_SIZE); // wide enough for its longest choice, not a fixed guess
        }
        if (node instanceof TextField field) {
            keepPromptVisible(field);
        }
        if (node instanceof TableView<?> || node instanceof TreeTableView<?>) {
            keepHeadersWhole((javafx.scene.control.Control) node);
        }
    }

    /** A fixed caption in a row of controls ("Tier", "Offer"): its text is set in the FXML, so known at load. */
    private static boolean isRowCaption(Node node) {
        return node instanceof Label label && !label.isWrapText() && label.getParent() instanceof HBox
                && label.getText() != null && !label.getText().isEmpty();
    }

    private static boolean isTitle(Node node) {
        return node instanceof Label label && !label.isWrapText()
                && (label.getStyleClass().contains("view-title") || label.getStyleClass().contains("section-title"));
    }

    private static void keepPromptVisible(TextField field) {
        InvalidationListener fit = obs -> {
            String prompt = field.getPromptText();
            if (prompt == null || prompt.isEmpty()) {
                return;
            }
            Text probe = new Text(prompt);
            probe.setFont(field.getFont());
            double insets = field.getPadding().getLeft() + field.getPadding().getRight();
            field.setMinWidth(Math.ceil(probe.getLayoutBounds().getWidth() + insets + 6));
        };
        field.fontProperty().addListener(fit);
        field.paddingProperty().addListener(fit);
        field.promptTextProperty().addListener(fit);
        fit.invalidated(null);
    }

    private static void keepHeadersWhole(javafx.scene.control.Control table) {
        Runnable refit = () -> Platform.runLater(() -> fitHeaders(table));
        table.skinProperty().addListener(obs -> refit.run());
        if (table instanceof TableView<?> tv) {
            tv.getColumns().addListener((InvalidationListener) obs -> refit.run());
        } else if (table instanceof TreeTableView<?> tt) {
            tt.getColumns().addListener((InvalidationListener) obs -> refit.run());
        }
        table.sceneProperty().addListener(obs -> refit.run());
    }

    /** Each header's label at its full width becomes the column's minimum. */
    static void fitHeaders(javafx.scene.control.Control table) {
        if (table.getScene() == null || table.getSkin() == null) {
            return;
        }
        table.applyCss();
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader header && header.getTableColumn() != null
                    && header.lookup(".label") instanceof Label label) {
                double needed = Math.ceil(label.prefWidth(-1) + HEADER_EXTRA);
                var column = header.getTableColumn();
                if (column.getMinWidth() < needed) {
                    column.setMinWidth(needed);
                }
                if (column.getPrefWidth() < needed) {
                    column.setPrefWidth(needed);
                }
            }
        }
    }
}
