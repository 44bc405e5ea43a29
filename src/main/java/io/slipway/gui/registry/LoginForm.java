package io.slipway.gui.registry;

import io.slipway.gui.common.DialogForm;

/** The Log-in dialog's inputs for one stored registry: new user and password, and the passphrase sealing them. */
public final class LoginForm extends DialogForm {
    private final String registry;
    private final CredentialsForm credentials;

    /**
     * @param username      the stored user, offered again; empty for none
     * @param newPassphrase the workspace has no passphrase yet: the one typed here sets it
     */
    public LoginForm(String registry, String username, boolean newPassphrase) {
        this.registry = registry;
        this.credentials = new CredentialsForm(newPassphrase, true);
        credentials.usernameProperty().set(username == null ? "" : username);
        watch(credentials.inputs());
    }

    @Override
    protected String check() {
        return credentials.check();
    }

    @Override
    public void wipe() {
        credentials.wipe();
    }

    public String registry() {
        return registry;
    }

    public CredentialsForm credentials() {
        return credentials;
    }
}
