package io.slipway.gui.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Add-registry form without a stage: the core's rules name the field, OK only when valid. */
class AddRegistryFormTest {
    @TempDir
    Path dir;

    private static AddRegistryForm form(boolean newPassphrase) {
        AddRegistryForm f = new AddRegistryForm(List.of("harbor"), newPassphrase);
        f.nameProperty().set("lab");
        f.urlProperty().set("https://127.0.0.1:5443");
        return f;
    }

    private static String message(AddRegistryForm f) {
        return f.messageProperty().get();
    }

    @Test
    void anEmptyFormAsksForNameAndUrlAndCannotBeSubmitted() {
        AddRegistryForm f = new AddRegistryForm(List.of(), false);
        assertThat(message(f)).isEqualTo("Type the registry's name and URL.");
        assertThat(f.canSubmitProperty().get()).isFalse();
    }

    @Test
    void nameAndUrlAreCheckedByTheCoreRulesAndNamed() {
        AddRegistryForm f = form(false);
        assertThat(message(f)).isEmpty();
        assertThat(f.canSubmitProperty().get()).isTrue();

        f.nameProperty().set("Bad Name");
        assertThat(message(f)).startsWith("Registry name 'Bad Name' is not valid");
        assertThat(f.canSubmitProperty().get()).isFalse();

        f.nameProperty().set("harbor");
        assertThat(message(f)).isEqualTo("Name: a registry named 'harbor' already exists; choose another name.");

        f.nameProperty().set("lab");
        f.urlProperty().set("");
        assertThat(message(f)).isEqualTo("Registry 'lab' needs a URL, e.g. https://harbor.example.com");
        f.urlProperty().set("https://127.0.0.1:5443/some/path");
        assertThat(message(f)).contains("Registry URL", "must be just scheme://host[:port]");
        f.urlProperty().set("https://ci:secret@127.0.0.1:5443");
        assertThat(message(f)).contains("contains credentials", "Username and Password")
                .doesNotContain("--");
        assertThat(f.canSubmitProperty().get()).isFalse();
    }

    @Test
    void plainHttpNeedsTheCheckboxWhichShowsAWarning() {
        AddRegistryForm f = form(false);
        f.urlProperty().set("http://127.0.0.1:5000");
        assertThat(message(f)).contains("plain HTTP", "\"Allow plain HTTP\"").doesNotContain("--insecure-http");
        assertThat(f.plainHttpWarningProperty().get()).isEmpty();

        f.insecureHttpProperty().set(true);
        assertThat(message(f)).isEmpty();
        assertThat(f.plainHttpWarningProperty().get()).startsWith("Plain HTTP: images and credentials travel");
        assertThat(f.skipTlsWarningProperty().get()).isEmpty();
        f.skipTlsVerifyProperty().set(true);
        assertThat(f.skipTlsWarningProperty().get()).startsWith("TLS not verified");
        assertThat(f.spec().insecureHttp()).isTrue();
        assertThat(f.spec().skipTlsVerify()).isTrue();
    }

    @Test
    void theCaFileIsReadAndMustHoldAPemCertificate() throws Exception {
        AddRegistryForm f = form(false);
        f.caFileProperty().set(dir.resolve("missing.pem").toString());
        assertThat(message(f)).startsWith("CA certificate: cannot read " + dir.resolve("missing.pem"));

        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello\n");
        f.caFileProperty().set(notPem.toString());
        assertThat(message(f)).startsWith("The CA certificate for registry 'lab' is not a PEM certificate");
        assertThat(f.canSubmitProperty().get()).isFalse();

        Path pem = testCa();
        f.caFileProperty().set(pem.toString());
        assertThat(message(f)).isEmpty();
        assertThat(f.spec().caPem()).isEqualTo(Files.readString(pem));

        f.caFileProperty().set("");
        assertThat(f.spec().caPem()).isNull();
        assertThat(f.canSubmitProperty().get()).isTrue();
    }

    @Test
    void aPasswordNeedsAUserAndThePassphraseWhichIsConfirmedWhenNew() {
        AddRegistryForm f = form(true);
        CredentialsForm c = f.credentials();
        assertThat(c.passphraseNeededProperty().get()).isFalse();
        c.usernameProperty().set("ci");
        assertThat(message(f)).as("a user without password is allowed").isEmpty();
        c.usernameProperty().set("");

        c.password().set("registry-pw".toCharArray());
        assertThat(c.passphraseNeededProperty().get()).isTrue();
        assertThat(message(f)).startsWith("Username: a password needs the user");
        c.usernameProperty().set("ci");
        assertThat(message(f)).startsWith("Choose a workspace passphrase");
        c.passphrase().set("short".toCharArray());
        assertThat(message(f)).isEqualTo("Workspace passphrase: a new one needs at least 8 characters.");
        c.passphrase().set("long enough phrase".toCharArray());
        assertThat(message(f)).startsWith("Confirm passphrase: it differs");
        c.confirmation().set("long enough phrasE".toCharArray());
        assertThat(message(f)).startsWith("Confirm passphrase: it differs");
        assertThat(f.canSubmitProperty().get()).isFalse();
        c.confirmation().set("long enough phrase".toCharArray());
        assertThat(message(f)).isEmpty();
        assertThat(f.canSubmitProperty().get()).isTrue();
        assertThat(f.spec().username()).isEqualTo("ci");
    }

    @Test
    void anExistingPassphraseIsTypedOnceAndAnyLengthIsLeftToTheVault() {
        AddRegistryForm f = form(false);
        CredentialsForm c = f.credentials();
        c.usernameProperty().set("ci");
        c.password().set("registry-pw".toCharArray());
        assertThat(message(f)).isEqualTo("Type the workspace passphrase: it encrypts the stored password.");
        c.passphrase().set("x".toCharArray());
        assertThat(message(f)).isEmpty();
    }

    @Test
    void wipingEmptiesEveryTypedSecretAndReplacingOneWipesTheOld() {
        AddRegistryForm f = form(true);
        char[] first = "first-pw".toCharArray();
        char[] password = "registry-pw".toCharArray();
        char[] passphrase = "long enough phrase".toCharArray();
        char[] confirmation = "long enough phrase".toCharArray();
        f.credentials().password().set(first);
        f.credentials().password().set(password);
        assertThat(first).containsOnly('\0');
        f.credentials().passphrase().set(passphrase);
        f.credentials().confirmation().set(confirmation);

        f.wipe();

        assertThat(password).containsOnly('\0');
        assertThat(passphrase).containsOnly('\0');
        assertThat(confirmation).containsOnly('\0');
        assertThat(f.credentials().password().isEmpty()).isTrue();
    }

    static Path testCa() throws URISyntaxException {
        return Path.of(AddRegistryFormTest.class.getResource("/registry/form-test-ca.pem").toURI());
    }
}
