package io.slipway.gui.look;

import io.slipway.gui.common.NodeTree;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The console's icons (Ikonli, Feather set), in one place: actions are matched by their button's text, so the
 * views' FXML stays free of icon markup and one action always gets the same icon; statuses by their word.
 */
public final class Icons {
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("Add…", "fth-plus"), Map.entry("Edit…", "fth-edit-2"), Map.entry("Remove", "fth-trash-2"),
            Map.entry("Refresh", "fth-refresh-cw"), Map.entry("Open…", "fth-folder"),
            Map.entry("Open release set…", "fth-layers"), Map.entry("Workspace", "fth-database"),
            Map.entry("Verify chain", "fth-shield"), Map.entry("Unlock and connect", "fth-unlock"),
            Map.entry("Log in / Change credentials…", "fth-log-in"), Map.entry("Copy digest", "fth-copy"),
            Map.entry("Copy reference (by digest)", "fth-copy"), Map.entry("New deploy…", "fth-play"),
            Map.entry("Abort", "fth-x-octagon"), Map.entry("Retry failed", "fth-rotate-ccw"),
            Map.entry("Compare", "fth-git-pull-request"), Map.entry("Load", "fth-download"),
            Map.entry("Browse…", "fth-folder"), Map.entry("_Publish", "fth-send"),
            Map.entry("Open folder", "fth-folder"), Map.entry("Save", "fth-save"), Map.entry("Revert", "fth-rotate-ccw"));

    /** Status words (node, deploy, verdict) to a shape that tells them apart without colour. */
    private static final Map<String, String> STATUSES = Map.ofEntries(
            Map.entry("reachable", "fth-check-circle"), Map.entry("unreachable", "fth-x-circle"),
            Map.entry("unknown", "fth-help-circle"), Map.entry("done", "fth-check-circle"),
            Map.entry("succeeded", "fth-check-circle"), Map.entry("failed", "fth-x-circle"),
            Map.entry("aborted", "fth-slash"), Map.entry("partial", "fth-alert-triangle"),
            Map.entry("interrupted", "fth-alert-triangle"), Map.entry("skipped", "fth-minus-circle"),
            Map.entry("running", "fth-loader"), Map.entry("pending", "fth-clock"), Map.entry("queued", "fth-clock"),
            Map.entry("intact", "fth-shield"), Map.entry("broken", "fth-shield-off"));

    private Icons() {
    }

    public static FontIcon icon(String literal) {
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().add("sw-icon");
        return icon;
    }

    /** The icon of a status word (any case), or null when the word has none. */
    public static FontIcon forStatus(String status) {
        String literal = status == null ? null : STATUSES.get(status.toLowerCase(Locale.ROOT));
        if (literal == null) {
            return null;
        }
        FontIcon icon = icon(literal);
        icon.getStyleClass().add("status-icon");
        return icon;
    }

    /** Gives every known action button under {@code root} its icon (buttons with a graphic keep theirs). */
    public static void decorate(Node root) {
        NodeTree.walk(root, node -> {
            if (node instanceof ButtonBase button && button.getGraphic() == null) {
                String literal = ACTIONS.get(button.getText());
                if (literal != null) {
                    button.setGraphic(icon(literal));
                }
            }
        });
    }
}
