package io.slipway.gui.common;

import io.slipway.gui.look.Icons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads {@code fxml/<Name>.fxml} with controllers built by constructor injection: each controller class maps to
 * a supplier. An FXML naming an unregistered controller fails loudly instead of being reflectively constructed.
 */
public final class FxmlLoaderFactory {
    private final Map<Class<?>, Supplier<?>> controllers;

    public FxmlLoaderFactory(Map<Class<?>, Supplier<?>> controllers) {
        this.controllers = Map.copyOf(controllers);
    }

    /** Loads {@code fxml/<name>.fxml}, e.g. {@code load("NodesView")}. */
    public Parent load(String name) {
        try {
            Parent root = newLoader(name).load();
            Icons.decorate(root);
            DesktopFit.apply(root);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load fxml/" + name + ".fxml: " + e.getMessage(), e);
        }
    }

    public FXMLLoader newLoader(String name) {
        URL url = FxmlLoaderFactory.class.getResource("/fxml/" + name + ".fxml");
        if (url == null) {
            throw new IllegalArgumentException("no FXML resource fxml/" + name + ".fxml on the class path");
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(this::createController);
        return loader;
    }

    Object createController(Class<?> type) {
        Supplier<?> supplier = controllers.get(type);
        if (supplier == null) {
            throw new IllegalArgumentException("No controller registered for " + type.getName()
                    + "; add it to the FxmlLoaderFactory's controller map");
        }
        return supplier.get();
    }
}
