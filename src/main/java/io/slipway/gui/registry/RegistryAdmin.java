package io.slipway.gui.registry;

import io.slipway.gui.common.DialogForm;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.registry.CredentialVault;
import io.slipway.core.registry.OciRegistryClient.LoginResult;
import io.slipway.core.registry.Registries;
import io.slipway.core.registry.RegistryConfig;
import io.slipway.core.registry.RegistryException;
import io.slipway.core.registry.RegistrySpec;
import io.slipway.gui.tasks.BackgroundWork;
import io.slipway.gui.tasks.TaskExecutor;
import io.slipway.gui.tasks.Tasks;
import java.util.Collection;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds, logs in to and removes the workspace's registries for the Registry view. Every core call runs in the
 * background (unlocking derives the key with Argon2id; a login talks to the registry); a refused submit leaves the
 * dialog's form open with the reason. The secrets handed to a task are copies that the task wipes, the form's own
 * ones are wiped once it succeeded; the unlocked vault is destroyed after use.
 */
public final class RegistryAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryAdmin.class);

    private final Registries registries;
    private final TaskExecutor executor;
    private final Consumer<String> changed;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");

    /** @param changed told (on the FX thread) which registry a change affected, null after a removal */
    RegistryAdmin(Registries registries, TaskExecutor executor, Consumer<String> changed) {
        this.registries = registries;
        this.executor = executor;
        this.changed = changed;
    }

    public AddRegistryForm addForm(Collection<String> existing) {
        return new AddRegistryForm(existing, !registries.hasPassphrase());
    }

    public LoginForm loginForm(RegistryConfig cfg) {
        return new LoginForm(cfg.name(), cfg.username(), !registries.hasPassphrase());
    }

    /** Stores the registry of {@code form}; {@code onSaved} closes the dialog. Nothing is sent to the registry. */
    public void add(AddRegistryForm form, Runnable onSaved) {
        if (!form.beginSubmit("Saving the registry…")) {
            return;
        }
        RegistrySpec spec = form.spec();
        CredentialsForm c = form.credentials();
        char[] password = c.password().isEmpty() ? null : c.password().copy();
        char[] passphrase = password == null ? null : c.passphrase().copy();
        submit(form, "Adding registry " + spec.name(), "", progress -> {
            CredentialVault vault = password == null ? null : registries.unlock(passphrase);
            try {
                return registries.add(spec, password, vault);
            } finally {
                destroy(vault);
            }
        }, cfg -> {
            notice.set("Registry '" + cfg.name() + "' added: " + cfg.url() + cfg.user().map(u -> ", user " + u
                    + (cfg.hasCredentials() ? " (password stored encrypted)" : " (no password)")).orElse(", anonymous")
                    + ". Use \"Log in / Change credentials…\" or \"Unlock and connect\" to check it.");
            changed.accept(cfg.name());
            onSaved.run();
        }, password, passphrase);
    }

    /**
     * Checks the form's user and password against the registry and stores them (sealed) only when it accepts them;
     * a refusal stays in the dialog with the registry's reason.
     */
    public void login(LoginForm form, Runnable onDone) {
        if (!form.beginSubmit("Logging in to " + form.registry() + "…")) {
            return;
        }
        String name = form.registry();
        CredentialsForm c = form.credentials();
        String user = c.username();
        char[] password = c.password().copy();
        char[] passphrase = c.passphrase().copy();
        submit(form, "Logging in to registry " + name, "Login denied. ", progress -> {
            CredentialVault vault = registries.unlock(passphrase);
            try {
                LoginResult result = registries.login(name, user, password, vault);
                return result.describe(registries.get(name));
            } finally {
                destroy(vault);
            }
        }, summary -> {
            notice.set(summary + "; credentials stored encrypted.");
            changed.accept(name);
            onDone.run();
        }, password, passphrase);
    }

    /** Removes the registry and its stored credentials (the dialog asked first). */
    public void remove(String name) {
        Tasks.create(progress -> registries.remove(name)).title("Removing registry " + name)
                .onSuccess(removed -> {
                    notice.set(removed ? "Registry '" + name + "' removed." : "Registry '" + name + "' was "
                            + "already gone.");
                    changed.accept(null);
                })
                .onError(Exception.class, e -> notice.set(reason(name, e)))
                .runOn(executor);
    }

    /**
     * Runs {@code work}; on failure the form shows why (a registry's refusal after {@code refusedPrefix}) and stays
     * open. The secret copies are wiped either way.
     */
    private <T> void submit(DialogForm form, String title, String refusedPrefix, BackgroundWork<T> work,
                            Consumer<T> onSuccess, char[]... secrets) {
        notice.set("");
        Tasks.create(work).title(title)
                .onSuccess(result -> {
                    form.submitDone();
                    onSuccess.accept(result);
                })
                .onError(Exception.class, e -> form.submitFailed((e instanceof RegistryException ? refusedPrefix : "")
                        + reason(title, e)))
                .andFinally(() -> {
                    for (char[] s : secrets) {
                        Registries.wipe(s);
                    }
                })
                .runOn(executor);
    }

    /** A refusal in the user's terms; the core's messages name the registry and never carry a secret. */
    private static String reason(String what, Exception e) {
        if (e instanceof UserFacingException) { // registry refusals included
            LOG.warn("{}: {}", what, e.getMessage());
            return ConsoleTerms.of(e.getMessage());
        }
        LOG.warn("{}: unexpected failure", what, e);
        return what + " failed: " + e;
    }

    private static void destroy(CredentialVault vault) {
        if (vault != null) {
            vault.destroy();
        }
    }

    /** The outcome of the last change (added, logged in, removed), for the view to show. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
