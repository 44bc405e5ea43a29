package io.slipway.gui.registry;

import io.slipway.core.registry.CredentialVault;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * User, password and the workspace passphrase that seals the password. The passphrase is asked only when a password
 * is given; when the workspace has none yet, the one typed here sets it, so it must be typed twice.
 */
public final class CredentialsForm {
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final Secret password = new Secret();
    private final Secret passphrase = new Secret();
    private final Secret confirmation = new Secret();
    private final boolean newPassphrase;
    private final boolean passwordRequired;
    private final BooleanBinding passphraseNeeded;

    /**
     * @param newPassphrase    the workspace has no passphrase yet ({@code Registries.hasPassphrase()} is false)
     * @param passwordRequired a login needs one; adding a registry does not (anonymous, or a user only)
     */
    public CredentialsForm(boolean newPassphrase, boolean passwordRequired) {
        this.newPassphrase = newPassphrase;
        this.passwordRequired = passwordRequired;
        passphraseNeeded = Bindings.createBooleanBinding(() -> !password.isEmpty(), password.revisionProperty());
    }

    Observable[] inputs() {
        return new Observable[] {username, password.revisionProperty(), passphrase.revisionProperty(),
                confirmation.revisionProperty()};
    }

    /** What keeps these credentials from being stored; empty when nothing does. */
    String check() {
        if (!passwordRequired && password.isEmpty()) {
            return "";
        }
        if (username().isEmpty()) {
            return passwordRequired ? "Type the username." : "Username: a password needs the user it belongs to.";
        }
        if (password.isEmpty()) {
            return "Type the password of user '" + username() + "'.";
        }
        if (passphrase.isEmpty()) {
            return newPassphrase ? "Choose a workspace passphrase: it encrypts the stored password (at least "
                    + CredentialVault.MIN_PASSPHRASE_LENGTH + " characters)."
                    : "Type the workspace passphrase: it encrypts the stored password.";
        }
        if (newPassphrase && passphrase.length() < CredentialVault.MIN_PASSPHRASE_LENGTH) {
            return "Workspace passphrase: a new one needs at least " + CredentialVault.MIN_PASSPHRASE_LENGTH
                    + " characters.";
        }
        if (newPassphrase && !passphrase.sameAs(confirmation)) {
            return "Confirm passphrase: it differs from the passphrase; type the same one twice.";
        }
        return "";
    }

    /** The trimmed username; empty when none was typed. */
    public String username() {
        return username.get() == null ? "" : username.get().trim();
    }

    void wipe() {
        password.wipe();
        passphrase.wipe();
        confirmation.wipe();
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public Secret password() {
        return password;
    }

    public Secret passphrase() {
        return passphrase;
    }

    public Secret confirmation() {
        return confirmation;
    }

    /** The workspace passphrase is set by this form, so the dialog shows the confirmation field. */
    public boolean setsNewPassphrase() {
        return newPassphrase;
    }

    /** A password is typed, so the passphrase that seals it is needed. */
    public BooleanBinding passphraseNeededProperty() {
        return passphraseNeeded;
    }
}
