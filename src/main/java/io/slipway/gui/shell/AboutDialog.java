package io.slipway.gui.shell;

import io.slipway.gui.look.AppIcon;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The About box: version and workspace. */
final class AboutDialog {
    private AboutDialog() {
    }

    static Alert show(Window owner, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("About Slipway");
        alert.setHeaderText(header);
        alert.setGraphic(AppIcon.view(64));
        alert.getDialogPane().setId("aboutDialog");
        alert.getDialogPane().setMinWidth(520);
        alert.show();
        return alert;
    }
}
