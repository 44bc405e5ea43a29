package io.slipway.gui.common;

import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks for the workspace passphrase once more (a retry or resume opens the registry again: it was not kept). */
public final class PassphrasePrompt {
    private PassphrasePrompt() {
    }

    /** The typed passphrase (the caller wipes it), or empty when cancelled; {@code fieldId} lets tests type. */
    public static Optional<char[]> ask(Window owner, String what, String fieldId) {
        Dialog<char[]> ask = new Dialog<>();
        ask.initOwner(owner);
        ask.setTitle(what);
        ask.setHeaderText(what);
        PasswordField pass = new PasswordField();
        pass.setId(fieldId);
        pass.setPromptText("workspace passphrase (if the registry has credentials)");
        ask.getDialogPane().setContent(new VBox(6, new Label("Passphrase"), pass));
        ask.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        ask.setResultConverter(b -> b == ButtonType.OK ? pass.getText().toCharArray() : null);
        Optional<char[]> answer = ask.showAndWait();
        pass.clear();
        return answer;
    }
}
