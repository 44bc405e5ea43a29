package io.slipway.gui.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.registry.CredentialVault;
import io.slipway.core.registry.RegistrySpec;
import io.slipway.testsupport.LogCapture;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The Registry view-model on a real workspace with stored registries; tasks run inline, nothing leaves loopback. */
class RegistryViewModelTest extends RegistryViewModelFixture {
    private static final String PASSPHRASE = "registry-view passphrase";
    private static final String PASSWORD = "Pw-registry-view-UNIQUE-91c3";

    private void store(String name, String url, boolean insecureHttp, boolean skipTlsVerify, boolean withPassword) {
        CredentialVault vault = registries.unlock(PASSPHRASE.toCharArray());
        registries.add(new RegistrySpec(name, url, null, withPassword ? "ci" : null, insecureHttp, skipTlsVerify),
                withPassword ? PASSWORD.toCharArray() : null, vault);
    }

    @Test
    void listsTheStoredRegistriesAndSaysWhatAnEmptyWorkspaceNeeds() {
        vm.activate();
        assertThat(vm.registryNames()).isEmpty();
        assertThat(vm.statusProperty().get()).contains("use Add…");

        store("harbor", "https://harbor.example.com", false, false, true);
        store("anon", "https://mirror.example.com", false, false, false);
        vm.refresh();

        assertThat(vm.registryNames()).containsExactly("anon", "harbor");
        assertThat(vm.selectedRegistryProperty().get()).isEqualTo("anon");
        assertThat(vm.needsPassphraseProperty().get()).isFalse();
        vm.selectedRegistryProperty().set("harbor");
        assertThat(vm.needsPassphraseProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).contains("https://harbor.example.com", "user ci", "passphrase");
        assertThat(vm.warningProperty().get()).isEmpty();
        assertThat(vm.repositories().emptyTextProperty().get()).contains("Connect");
    }

    @Test
    void plainHttpAndSkippedVerificationShowAWarning() {
        store("plain", "http://127.0.0.1:5000", true, false, false);
        store("unverified", "https://127.0.0.1:5443", false, true, false);
        vm.activate();

        vm.selectedRegistryProperty().set("plain");
        assertThat(vm.warningProperty().get()).startsWith("Warning: registry 'plain' uses plain HTTP");
        vm.selectedRegistryProperty().set("unverified");
        assertThat(vm.warningProperty().get()).contains("skips TLS certificate verification");
    }

    @Test
    void sealedCredentialsNeedThePassphraseBeforeAnythingRuns() {
        store("harbor", "https://harbor.example.com", false, false, true);
        vm.activate();
        int before = executor.submittedCount();

        vm.connect(new char[0]);

        assertThat(executor.submittedCount()).isEqualTo(before);
        assertThat(vm.errorProperty().get()).isEqualTo("Registry 'harbor': its credentials are sealed; type the "
                + "workspace passphrase to unlock them.");
    }

    @Test
    void aWrongPassphraseIsReportedForTheRegistryAndWiped() throws Exception {
        store("harbor", "https://harbor.example.com", false, false, true);
        vm.activate();
        char[] wrong = "not the passphrase".toCharArray();

        vm.connect(wrong);

        assertThat(vm.errorProperty().get()).startsWith("Registry 'harbor': Wrong workspace passphrase");
        assertThat(vm.connectedProperty().get()).isFalse();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(wrong).containsOnly('\0');
    }

    @Test
    void anUnreachableRegistryFailsWithItsNameAndReasonAndNoSecretIsKept() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        store("lab", "https://127.0.0.1:" + closedPort, false, false, true);
        try (LogCapture log = new LogCapture()) {
            vm.activate();
            char[] passphrase = PASSPHRASE.toCharArray();

            vm.connect(passphrase);

            assertThat(vm.errorProperty().get()).startsWith("Registry 'lab' (https://127.0.0.1:" + closedPort + ")")
                    .contains("unreachable");
            assertThat(vm.connectedProperty().get()).isFalse();
            assertThat(vm.statusProperty().get()).isEqualTo("Not connected.");
            assertThat(passphrase).containsOnly('\0');
            assertThat(log.text()).contains("Registry 'lab'").doesNotContain(PASSPHRASE).doesNotContain(PASSWORD);
        }
        assertNoneKept(PASSPHRASE, PASSWORD);
    }

    @Test
    void anotherRegistryDropsTheErrorAndTheConnection() {
        store("harbor", "https://harbor.example.com", false, false, true);
        store("plain", "http://127.0.0.1:5000", true, false, false);
        vm.activate();
        vm.selectedRegistryProperty().set("harbor");
        vm.connect("wrong passphrase!".toCharArray());
        assertThat(vm.errorProperty().get()).isNotEmpty();

        vm.selectedRegistryProperty().set("plain");

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.needsPassphraseProperty().get()).isFalse();
        assertThat(vm.manifest().shownProperty().get()).isFalse();
    }
}
