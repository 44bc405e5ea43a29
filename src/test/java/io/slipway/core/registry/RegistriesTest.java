package io.slipway.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.core.SlipwayCore;
import io.slipway.core.common.Clock;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.registry.RegistryAccess.EngineCredentials;
import io.slipway.core.store.Workspace;
import io.slipway.testsupport.LogCapture;
import io.slipway.testsupport.SecretScan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registry configuration and sealed credentials in a real workspace; no network. */
class RegistriesTest {
    static final String PASSWORD = "Pw-4c7f1e9a-UNIQUE-in-this-test";
    static final char[] PASSPHRASE = "registries test passphrase".toCharArray();

    @TempDir
    Path dir;

    static Registries registries(SlipwayCore core) {
        return new Registries(core.workspace().jdbc(), core.workspace().directory(), core.audit(), Clock.SYSTEM,
                CredentialVaultTest.FAST, Duration.ofSeconds(5));
    }

    @Test
    void credentialsAreSealedNeverPlainInTheDatabaseFileOrTheLog() throws Exception {
        try (LogCapture log = new LogCapture()) {
            try (SlipwayCore core = SlipwayCore.open(dir, Optional.empty())) {
                Registries r = registries(core);
                CredentialVault v = r.unlock(PASSPHRASE);
                RegistryConfig cfg = r.add(new RegistrySpec("harbor", "harbor.example.com:5443", null, "robot$ci",
                        false, false), PASSWORD.toCharArray(), v);
                assertThat(cfg.hasCredentials()).isTrue();
                assertThat(cfg.url()).hasToString("https://harbor.example.com:5443");
                assertThat(cfg.host()).isEqualTo("harbor.example.com:5443");
                assertThat(cfg.toString()).doesNotContain(PASSWORD);

                EngineCredentials ec = r.access("harbor", PASSPHRASE).engineCredentials();
                assertThat(ec.serverAddress()).isEqualTo("harbor.example.com:5443");
                assertThat(ec.username()).isEqualTo("robot$ci");
                assertThat(new String(ec.password())).isEqualTo(PASSWORD);
                assertThat(ec.toString()).doesNotContain(PASSWORD);

                // replace the password; the old one must not linger in a readable form either
                r.storeCredentials("harbor", "robot$ci", (PASSWORD + "-2").toCharArray(), v);
                assertThat(core.audit().latest(10)).allSatisfy(e -> assertThat(e.detailsJson()).doesNotContain(PASSWORD));
            }
            assertThat(log.text()).contains("workspace").doesNotContain(PASSWORD);
        }
        assertThat(Workspace.databaseFile(dir)).exists();
        SecretScan.assertAbsentFromFiles(dir, PASSWORD);
    }

    @Test
    void wrongPassphraseIsRefusedWhenTheCredentialsAreNeeded() {
        try (SlipwayCore core = SlipwayCore.open(dir, Optional.empty())) {
            Registries r = registries(core);
            r.add(new RegistrySpec("ci", "https://127.0.0.1:5443", null, "u", false, false), "p".toCharArray(),
                    r.unlock(PASSPHRASE));
            assertThatThrownBy(() -> r.access("ci", "not the passphrase".toCharArray()))
                    .isInstanceOf(UserFacingException.class).hasMessageStartingWith("Wrong workspace passphrase");
            assertThatThrownBy(() -> r.access("ci", (char[]) null)).isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("SLIPWAY_PASSPHRASE");
            // anonymous registries need no passphrase
            r.add(new RegistrySpec("anon", "https://127.0.0.1:5444", null, null, false, false), null, null);
            EngineCredentials ec = r.access("anon", (char[]) null).engineCredentials();
            assertThat(ec.username()).isEmpty();
            assertThat(ec.password()).isEmpty();
        }
    }

    @Test
    void validationNamesTheProblem() {
        try (SlipwayCore core = SlipwayCore.open(dir, Optional.empty())) {
            Registries r = registries(core);
            assertThatThrownBy(() -> r.add(new RegistrySpec("plain", "http://127.0.0.1:5000", null, null, false,
                    false), null, null)).isInstanceOf(UserFacingException.class).hasMessageContaining("--insecure-http");
            assertThatThrownBy(() -> new RegistrySpec("Bad Name", "x", null, null, false, false))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("'Bad Name'");
            assertThatThrownBy(() -> r.add(new RegistrySpec("p", "https://h/some/path", null, null, false, false),
                    null, null)).hasMessageContaining("scheme://host[:port]");
            assertThatThrownBy(() -> r.add(new RegistrySpec("u", "https://user:pw@h", null, null, false, false),
                    null, null)).hasMessageContaining("contains credentials");
            assertThatThrownBy(() -> r.add(new RegistrySpec("c", "https://h", "not a pem", null, false, false),
                    null, null)).hasMessageContaining("not a PEM certificate");
            assertThatThrownBy(() -> r.add(new RegistrySpec("n", "https://h", null, "user", false, false),
                    "pw".toCharArray(), null)).hasMessageContaining("passphrase");
            assertThatThrownBy(() -> r.get("nope")).hasMessageContaining("No registry named 'nope'");

            r.add(new RegistrySpec("plain", "http://127.0.0.1:5000", null, null, true, false), null, null);
            r.add(new RegistrySpec("noverify", "https://10.0.0.1", null, null, false, true), null, null);
            assertThatThrownBy(() -> r.add(new RegistrySpec("plain", "https://x", null, null, false, false), null,
                    null)).hasMessageContaining("already exists");
            assertThat(r.get("plain").warnings()).singleElement().asString().contains("plain HTTP");
            assertThat(r.get("noverify").warnings()).singleElement().asString().contains("skips TLS");
            assertThat(r.list()).extracting(RegistryConfig::name).containsExactly("noverify", "plain");
            assertThat(r.remove("plain")).isTrue();
            assertThat(core.audit().latest(1).get(0).action()).isEqualTo("registry.removed");
        }
    }
}
