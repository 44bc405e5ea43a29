package io.slipway.gui.registry;

import io.slipway.gui.common.FormDialog;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/**
 * The username, password and workspace-passphrase fields of a {@link CredentialsForm}. Each password field hands
 * its content to the form as a fresh {@code char[]} (the form wipes the one it replaces); the passphrase fields are
 * enabled only once a password is typed, and the confirmation is shown only when the passphrase is new.
 */
final class CredentialFields {
    private final TextField username = new TextField();
    private final PasswordField password = secret("credentialPassword", "password");
    private final PasswordField passphrase = secret("credentialPassphrase", "workspace passphrase");
    private final PasswordField confirmation = secret("credentialPassphraseConfirm", "the same passphrase again");
    private final CredentialsForm form;

    CredentialFields(CredentialsForm form) {
        this.form = form;
        username.setId("credentialUsername");
        username.setPromptText("user name (optional for an anonymous registry)");
        username.setPrefColumnCount(32);
        username.textProperty().bindBidirectional(form.usernameProperty());
        feed(password, form.password());
        feed(passphrase, form.passphrase());
        feed(confirmation, form.confirmation());
        passphrase.disableProperty().bind(form.passphraseNeededProperty().not());
        confirmation.disableProperty().bind(form.passphraseNeededProperty().not());
        if (form.setsNewPassphrase()) {
            passphrase.setPromptText("new workspace passphrase (at least 8 characters)");
        }
    }

    /** Adds the rows to {@code dialog}: username, password, passphrase and, when new, its confirmation. */
    void addTo(FormDialog dialog) {
        dialog.row("Username", username);
        dialog.row("Password", password);
        dialog.row(form.setsNewPassphrase() ? "New workspace passphrase" : "Workspace passphrase", passphrase);
        if (form.setsNewPassphrase()) {
            dialog.row("Confirm passphrase", confirmation);
        }
    }

    private static void feed(PasswordField field, Secret secret) {
        field.textProperty().addListener((obs, was, now) -> secret.set(now == null ? null : now.toCharArray()));
    }

    private static PasswordField secret(String id, String prompt) {
        PasswordField f = new PasswordField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }
}
