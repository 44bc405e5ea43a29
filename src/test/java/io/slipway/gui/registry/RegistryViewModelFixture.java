package io.slipway.gui.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.SlipwayCore;
import io.slipway.core.common.Clock;
import io.slipway.core.registry.CredentialVault;
import io.slipway.core.registry.Registries;
import io.slipway.gui.tasks.SynchronousTaskExecutor;
import io.slipway.testsupport.SecretScan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Registry view-model on a real workspace, tasks run inline: a cheap key derivation and a short registry
 * timeout (nothing leaves loopback), and the check that no secret was kept anywhere.
 */
abstract class RegistryViewModelFixture {
    @TempDir
    Path dir;
    SlipwayCore core;
    Registries registries;
    final SynchronousTaskExecutor executor = new SynchronousTaskExecutor();
    RegistryViewModel vm;

    @BeforeEach
    void openWorkspace() {
        openCore();
        vm = new RegistryViewModel(registries, executor);
    }

    private void openCore() {
        core = SlipwayCore.open(dir.resolve("ws"), Optional.empty());
        registries = new Registries(core.workspace().jdbc(), core.workspace().directory(), core.audit(), Clock.SYSTEM,
                new CredentialVault.KdfParams(8 * 1024, 1, 1), Duration.ofSeconds(2));
    }

    @AfterEach
    void closeWorkspace() {
        core.close();
    }

    /** No secret in the settings, the audit trail or (closed, then opened again) any file of the workspace. */
    void assertNoneKept(String... secrets) throws IOException {
        for (String secret : secrets) {
            assertThat(core.settings().all().toString()).doesNotContain(secret);
            assertThat(core.audit().latest(50)).allSatisfy(e -> assertThat(e.detailsJson()).doesNotContain(secret));
        }
        core.close();
        for (String secret : secrets) {
            SecretScan.assertAbsentFromFiles(dir, secret);
        }
        openCore();
    }
}
