package io.slipway.gui.look;

import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;

/** Slipway's application icon (window, About box; the packages install the same picture for the desktop). */
public final class AppIcon {
    private AppIcon() {
    }

    public static void addTo(Stage stage) {
        for (int size : new int[] {256, 64, 32}) {
            stage.getIcons().add(image(size));
        }
    }

    public static ImageView view(int size) {
        return new ImageView(image(size));
    }

    private static Image image(int size) {
        return new Image(AppIcon.class.getResource("/icons/slipway-" + size + ".png").toExternalForm());
    }
}
