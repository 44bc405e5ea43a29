package io.slipway.gui.registry;

import io.slipway.gui.common.DialogForm;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.registry.RegistrySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Add-registry dialog's inputs, checked by the core's own rules ({@link RegistrySpec}: name, URL, CA
 * certificate) as they are typed. The CA certificate is a PEM file whose content is read when its path changes.
 */
public final class AddRegistryForm extends DialogForm {
    static final String PLAIN_HTTP_WARNING = "Plain HTTP: images and credentials travel unencrypted; anyone on the "
            + "network can read or change them.";
    static final String SKIP_TLS_WARNING = "TLS not verified: anyone on the path can impersonate this registry and "
            + "receive its credentials.";

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty caFile = new SimpleStringProperty(this, "caFile", "");
    private final BooleanProperty insecureHttp = new SimpleBooleanProperty(this, "insecureHttp");
    private final BooleanProperty skipTlsVerify = new SimpleBooleanProperty(this, "skipTlsVerify");
    private final CredentialsForm credentials;
    private final Set<String> existing;
    private String caPem;
    private String caProblem = "";
    private String caReadFrom = "";

    /**
     * @param existing      names already stored (a name is refused before anything is unlocked)
     * @param newPassphrase the workspace has no passphrase yet: a password given here sets it
     */
    public AddRegistryForm(Collection<String> existing, boolean newPassphrase) {
        this.existing = Set.copyOf(existing);
        this.credentials = new CredentialsForm(newPassphrase, false);
        watch(name, url, caFile, insecureHttp, skipTlsVerify);
        watch(credentials.inputs());
    }

    /** Reads the PEM file when its path changed since the last check (not on every keystroke elsewhere). */
    private void readCa(String file) {
        if (file.equals(caReadFrom)) {
            return;
        }
        caReadFrom = file;
        caPem = null;
        caProblem = "";
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            caPem = Files.readString(Path.of(file.strip()), StandardCharsets.US_ASCII);
        } catch (IOException | InvalidPathException e) {
            caProblem = "CA certificate: cannot read " + file.strip() + " (" + e.getMessage() + ").";
        }
    }

    @Override
    protected String check() {
        readCa(caFile.get() == null ? "" : caFile.get());
        if (name().isEmpty() && url().isEmpty()) {
            return "Type the registry's name and URL.";
        }
        if (!caProblem.isEmpty()) {
            return caProblem;
        }
        try {
            RegistrySpec spec = spec();
            spec.normalisedUrl();
            spec.caCertificates();
        } catch (UserFacingException e) {
            return ConsoleTerms.of(e.getMessage());
        }
        if (existing.contains(name())) {
            return "Name: a registry named '" + name() + "' already exists; choose another name.";
        }
        return credentials.check();
    }

    /** The registry as typed (not yet validated); the user only when one is typed. */
    RegistrySpec spec() {
        String user = credentials.username();
        return new RegistrySpec(name(), url(), caPem, user.isEmpty() ? null : user, insecureHttp.get(),
                skipTlsVerify.get());
    }

    private String name() {
        return name.get() == null ? "" : name.get().trim();
    }

    private String url() {
        return url.get() == null ? "" : url.get().trim();
    }

    @Override
    public void wipe() {
        credentials.wipe();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty urlProperty() {
        return url;
    }

    /** Path of the PEM file with the registry's CA certificate; empty for the system trust only. */
    public StringProperty caFileProperty() {
        return caFile;
    }

    public BooleanProperty insecureHttpProperty() {
        return insecureHttp;
    }

    public BooleanProperty skipTlsVerifyProperty() {
        return skipTlsVerify;
    }

    /** The warning shown while "plain HTTP" is ticked; empty otherwise. */
    public StringBinding plainHttpWarningProperty() {
        return Bindings.when(insecureHttp).then(PLAIN_HTTP_WARNING).otherwise("");
    }

    public StringBinding skipTlsWarningProperty() {
        return Bindings.when(skipTlsVerify).then(SKIP_TLS_WARNING).otherwise("");
    }

    public CredentialsForm credentials() {
        return credentials;
    }
}
