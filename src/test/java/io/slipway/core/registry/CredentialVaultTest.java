package io.slipway.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.core.common.Clock;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.registry.CredentialVault.KdfParams;
import io.slipway.core.store.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialVaultTest {
    /** Cheap Argon2id for tests; the default cost is exercised by the CLI tests. */
    static final KdfParams FAST = new KdfParams(8 * 1024, 1, 1);

    @TempDir
    Path dir;
    Workspace ws;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private CredentialVault unlock(String passphrase) {
        return CredentialVault.unlock(ws.jdbc(), dir, passphrase.toCharArray(), FAST, Clock.SYSTEM);
    }

    @Test
    void sealedSecretOpensAgainAfterReunlockingWithThePassphrase() {
        assertThat(CredentialVault.isInitialised(ws.jdbc())).isFalse();
        byte[] sealed = unlock("correct horse battery").sealChars("s3cr3t-pässword".toCharArray(), "ctx-a");
        assertThat(CredentialVault.isInitialised(ws.jdbc())).isTrue();

        char[] opened = unlock("correct horse battery").openChars(sealed, "ctx-a");
        assertThat(new String(opened)).isEqualTo("s3cr3t-pässword");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t");
    }

    @Test
    void eachSealUsesAFreshNonce() {
        CredentialVault v = unlock("correct horse battery");
        byte[] a = v.sealChars("same".toCharArray(), "ctx");
        byte[] b = v.sealChars("same".toCharArray(), "ctx");
        assertThat(a).isNotEqualTo(b);
        assertThat(a[0]).isEqualTo((byte) 1);
        assertThat(a).hasSize(1 + 12 + 4 + 16);
    }

    @Test
    void wrongPassphraseIsAClearErrorBeforeAnySecretIsTouched() {
        unlock("correct horse battery").sealChars("x".toCharArray(), "ctx");
        assertThatThrownBy(() -> unlock("correct horse staple"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("Wrong workspace passphrase")
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("SLIPWAY_PASSPHRASE");
    }

    @Test
    void ciphertextIsBoundToItsContext() {
        CredentialVault v = unlock("correct horse battery");
        byte[] sealed = v.sealChars("pw".toCharArray(), "slipway:registry:a:alice");
        assertThatThrownBy(() -> v.openChars(sealed, "slipway:registry:b:alice"))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("does not decrypt");
        byte[] tampered = Arrays.copyOf(sealed, sealed.length);
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> v.openChars(tampered, "slipway:registry:a:alice"))
                .isInstanceOf(UserFacingException.class);
    }

    @Test
    void storedKdfParametersWinOverNewDefaults() {
        byte[] sealed = unlock("correct horse battery").sealChars("pw".toCharArray(), "ctx");
        CredentialVault again = CredentialVault.unlock(ws.jdbc(), dir, "correct horse battery".toCharArray(),
                new KdfParams(16 * 1024, 2, 1), Clock.SYSTEM);
        assertThat(again.openChars(sealed, "ctx")).containsExactly('p', 'w');
    }

    @Test
    void newPassphraseMustNotBeShortOrEmpty() {
        assertThatThrownBy(() -> unlock("short")).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("at least 8 characters");
        assertThatThrownBy(() -> unlock("")).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("empty");
        assertThat(CredentialVault.isInitialised(ws.jdbc())).isFalse();
    }

    @Test
    void closedVaultRefusesWork() {
        CredentialVault v = unlock("correct horse battery");
        v.destroy();
        assertThat(v.isDestroyed()).isTrue();
        assertThatThrownBy(() -> v.sealChars("x".toCharArray(), "c")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keyDerivationIsDeterministicPerPassphraseAndSalt() {
        // same inputs, same key; different salt, different key
        byte[] salt = new byte[16];
        var k1 = CredentialVault.derive("pw-pw-pw".toCharArray(), salt, FAST).getEncoded();
        var k2 = CredentialVault.derive("pw-pw-pw".toCharArray(), salt, FAST).getEncoded();
        salt[0] = 1;
        var k3 = CredentialVault.derive("pw-pw-pw".toCharArray(), salt, FAST).getEncoded();
        assertThat(k1).hasSize(32).isEqualTo(k2).isNotEqualTo(k3);
    }
}
