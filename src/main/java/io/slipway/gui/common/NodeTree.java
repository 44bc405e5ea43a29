package io.slipway.gui.common;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;

/**
 * Walks a freshly loaded view, before any skin exists: children, plus the content that split panes, tab panes
 * (all tabs, not only the selected one) and scroll panes hold outside their children until shown.
 */
public final class NodeTree {
    private NodeTree() {
    }

    public static void walk(Node node, Consumer<Node> action) {
        action.accept(node);
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> walk(child, action));
        }
        if (node instanceof SplitPane split) {
            split.getItems().forEach(item -> walk(item, action));
        }
        if (node instanceof TabPane tabs) {
            tabs.getTabs().stream().filter(t -> t.getContent() != null).forEach(t -> walk(t.getContent(), action));
        }
        if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
            walk(scroll.getContent(), action);
        }
    }
}
