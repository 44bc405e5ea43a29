package io.slipway.gui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** The empty state of a table: "Loading…", the load error, or what an empty result means. */
public final class Placeholders {
    private Placeholders() {
    }

    /** Pass a table's {@code placeholderProperty()}; {@code emptyText} is shown once loading found nothing. */
    public static void bind(ObjectProperty<Node> placeholder, RefreshableViewModel<?> vm, String emptyText) {
        bind(placeholder, vm, new ReadOnlyStringWrapper(emptyText));
    }

    /** As above, for views whose empty text depends on why nothing shows (no data, or a filter). */
    public static void bind(ObjectProperty<Node> placeholder, RefreshableViewModel<?> vm,
                            ObservableStringValue emptyText) {
        Label label = new Label();
        label.getStyleClass().add("empty-state");
        label.setWrapText(true);
        label.textProperty().bind(Bindings.createStringBinding(() -> {
            if (!vm.loadErrorProperty().get().isEmpty()) {
                return vm.loadErrorProperty().get();
            }
            return vm.loadingProperty().get() ? "Loading…" : emptyText.get();
        }, vm.loadingProperty(), vm.loadErrorProperty(), emptyText));
        placeholder.set(label);
    }
}
