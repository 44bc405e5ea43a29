package io.slipway.gui.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.registry.CredentialVault;
import io.slipway.core.registry.RegistryConfig;
import io.slipway.core.registry.RegistrySpec;
import io.slipway.testsupport.LogCapture;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Add, log in, remove through the Registry view-model on a real workspace; tasks run inline, loopback only. */
class RegistryAdminTest extends RegistryViewModelFixture {
    private static final String PASSPHRASE = "registry-admin passphrase";
    private static final String PASSWORD = "Pw-registry-admin-UNIQUE-4e7a";

    private RegistryAdmin admin;
    private final AtomicInteger closed = new AtomicInteger();

    @BeforeEach
    void activate() {
        admin = vm.admin();
        vm.activate();
    }

    private AddRegistryForm addForm(String name, String url) {
        AddRegistryForm f = admin.addForm(vm.registryNames());
        f.nameProperty().set(name);
        f.urlProperty().set(url);
        return f;
    }

    private static void credentials(CredentialsForm c, char[] password, char[] passphrase, char[] confirmation) {
        c.usernameProperty().set("ci");
        c.password().set(password);
        c.passphrase().set(passphrase);
        c.confirmation().set(confirmation);
    }

    @Test
    void theEmptyViewPointsToAddAndAnAnonymousRegistryIsStoredListedAndSelected() {
        assertThat(vm.statusProperty().get()).contains("use Add…").doesNotContain("slipway registry add");
        vm.admin().add(addForm("anon", "https://127.0.0.1:5443"), closed::incrementAndGet);
        vm.admin().add(addForm("mirror", "127.0.0.1:5444"), closed::incrementAndGet);

        assertThat(closed).hasValue(2);
        assertThat(vm.registryNames()).containsExactly("anon", "mirror");
        assertThat(vm.selectedRegistryProperty().get()).isEqualTo("mirror");
        assertThat(registries.get("mirror").url().toString()).isEqualTo("https://127.0.0.1:5444");
        assertThat(registries.hasPassphrase()).as("no password, so no passphrase set").isFalse();
        assertThat(admin.noticeProperty().get()).startsWith("Registry 'mirror' added: https://127.0.0.1:5444, "
                + "anonymous");
    }

    @Test
    void aPasswordIsSealedWithTheNewPassphraseAndEveryTypedSecretIsWiped() throws Exception {
        char[] password = PASSWORD.toCharArray();
        char[] passphrase = PASSPHRASE.toCharArray();
        char[] confirmation = PASSPHRASE.toCharArray();
        try (LogCapture log = new LogCapture()) {
            AddRegistryForm form = addForm("harbor", "https://127.0.0.1:5443");
            assertThat(form.credentials().setsNewPassphrase()).isTrue();
            credentials(form.credentials(), password, passphrase, confirmation);

            admin.add(form, closed::incrementAndGet);

            assertThat(closed).hasValue(1);
            RegistryConfig cfg = registries.get("harbor");
            assertThat(cfg.hasCredentials()).isTrue();
            assertThat(cfg.username()).isEqualTo("ci");
            assertThat(registries.hasPassphrase()).isTrue();
            assertThat(password).containsOnly('\0');
            assertThat(passphrase).containsOnly('\0');
            assertThat(confirmation).containsOnly('\0');
            assertThat(vm.selectedRegistryProperty().get()).isEqualTo("harbor");
            assertThat(vm.needsPassphraseProperty().get()).isTrue();
            assertThat(admin.noticeProperty().get()).contains("user ci (password stored encrypted)");
            // the stored password opens with the passphrase typed in the dialog
            CredentialVault vault = registries.unlock(PASSPHRASE.toCharArray());
            assertThat(registries.access("harbor", vault).engineCredentials().password()).isEqualTo(PASSWORD
                    .toCharArray());
            assertThat(log.text()).doesNotContain(PASSWORD).doesNotContain(PASSPHRASE);
        }
        assertNoneKept(PASSPHRASE, PASSWORD);
    }

    @Test
    void aWrongPassphraseKeepsTheDialogOpenWithTheReasonAndStoresNothing() {
        registries.add(new RegistrySpec("first", "https://127.0.0.1:5443", null, "ci", false, false),
                "pw".toCharArray(), registries.unlock(PASSPHRASE.toCharArray()));
        vm.refresh();
        AddRegistryForm form = addForm("second", "https://127.0.0.1:5444");
        assertThat(form.credentials().setsNewPassphrase()).isFalse();
        char[] password = PASSWORD.toCharArray();
        credentials(form.credentials(), password, "not the passphrase".toCharArray(), new char[0]);

        admin.add(form, closed::incrementAndGet);

        assertThat(closed).hasValue(0);
        assertThat(form.messageProperty().get()).startsWith("Wrong workspace passphrase");
        assertThat(form.canSubmitProperty().get()).as("may be retried").isTrue();
        assertThat(registries.find("second")).isEmpty();
        assertThat(password).as("kept for a retry with another passphrase").isEqualTo(PASSWORD.toCharArray());
        form.credentials().passphrase().set(PASSPHRASE.toCharArray());
        assertThat(form.messageProperty().get()).as("a change clears the failure").isEmpty();
        admin.add(form, closed::incrementAndGet);
        assertThat(closed).hasValue(1);
        assertThat(registries.get("second").hasCredentials()).isTrue();
        assertThat(password).containsOnly('\0');
    }

    @Test
    void anInvalidFormIsNotSubmitted() {
        AddRegistryForm form = addForm("lab", "http://127.0.0.1:5000");
        int before = executor.submittedCount();
        admin.add(form, closed::incrementAndGet);
        assertThat(executor.submittedCount()).isEqualTo(before);
        assertThat(registries.find("lab")).isEmpty();
    }

    @Test
    void aLoginTheRegistryCannotAnswerIsDeniedWithTheReasonAndStoresNoCredentials() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        admin.add(addForm("lab", "https://127.0.0.1:" + closedPort), closed::incrementAndGet);
        LoginForm form = admin.loginForm(registries.get("lab"));
        char[] password = PASSWORD.toCharArray();
        credentials(form.credentials(), password, PASSPHRASE.toCharArray(), PASSPHRASE.toCharArray());

        admin.login(form, closed::incrementAndGet);

        assertThat(closed).hasValue(1);
        assertThat(form.messageProperty().get()).startsWith("Login denied. Registry 'lab' (https://127.0.0.1:"
                + closedPort + ")").contains("unreachable");
        assertThat(registries.get("lab").hasCredentials()).isFalse();
        assertThat(password).as("the form keeps it for a retry").isEqualTo(PASSWORD.toCharArray());
        form.wipe();
        assertThat(password).containsOnly('\0');
    }

    @Test
    void aLoginNeedsUserPasswordAndPassphrase() {
        admin.add(addForm("lab", "https://127.0.0.1:5443"), closed::incrementAndGet);
        LoginForm form = admin.loginForm(registries.get("lab"));
        assertThat(form.messageProperty().get()).isEqualTo("Type the username.");
        form.credentials().usernameProperty().set("ci");
        assertThat(form.messageProperty().get()).isEqualTo("Type the password of user 'ci'.");
        form.credentials().password().set("pw".toCharArray());
        assertThat(form.messageProperty().get()).startsWith("Choose a workspace passphrase");
        assertThat(form.canSubmitProperty().get()).isFalse();
    }

    @Test
    void removeDropsTheRegistryAndSelectsAnother() {
        admin.add(addForm("alpha", "https://127.0.0.1:5443"), closed::incrementAndGet);
        admin.add(addForm("beta", "https://127.0.0.1:5444"), closed::incrementAndGet);
        assertThat(vm.selectedRegistryProperty().get()).isEqualTo("beta");

        admin.remove("beta");

        assertThat(registries.find("beta")).isEmpty();
        assertThat(vm.registryNames()).containsExactly("alpha");
        assertThat(vm.selectedRegistryProperty().get()).isEqualTo("alpha");
        assertThat(admin.noticeProperty().get()).isEqualTo("Registry 'beta' removed.");
    }
}
