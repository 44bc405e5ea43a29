package io.slipway.gui.registry;

import io.slipway.gui.common.FormDialog;
import java.util.function.BiConsumer;
import javafx.stage.Window;

/** Log in / change credentials of one stored registry: checked against it, stored only when it accepts them. */
final class LoginDialog extends FormDialog {
    LoginDialog(Window owner, LoginForm form, String url, BiConsumer<LoginForm, Runnable> submit) {
        super(owner, "Log in to registry " + form.registry(), form, onDone -> submit.accept(form, onDone));
        messageId("registryFormError");
        setHeaderText("Log in to registry '" + form.registry() + "' (" + url + ")\nThe credentials are checked "
                + "against the registry and stored encrypted only when it accepts them.");
        new CredentialFields(form.credentials()).addTo(this);
        finishGrid();
    }
}
