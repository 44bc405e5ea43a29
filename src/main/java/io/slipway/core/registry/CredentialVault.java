package io.slipway.core.registry;

import io.slipway.core.common.Clock;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.store.Jdbc;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Seals and opens secrets (registry passwords) with a key derived from the workspace passphrase.
 *
 * <p>Choice: <b>Argon2id</b> (BouncyCastle's {@code Argon2BytesGenerator}, RFC 9106) turns the passphrase and a
 * random per-workspace salt into a 256-bit key; secrets are sealed with the JDK's <b>AES-256-GCM</b> (random
 * 96-bit nonce per seal, 128-bit tag). The associated data binds each ciphertext to its use (registry name and
 * user), so a sealed password copied into another row does not open. The workspace stores only the KDF's salt
 * and parameters and a sealed check value: a wrong passphrase fails that check and is reported as such, before
 * any credential is touched. The key lives in memory only while a vault is open; secrets are decrypted per use
 * and handed out as {@code char[]} the caller can wipe.
 *
 * <p>Sealed format: {@code 0x01 | nonce(12) | ciphertext+tag}.
 */
public final class CredentialVault implements Destroyable {
    /** Where the CLI (and scripts) give the passphrase; the UI asks for it. */
    public static final String PASSPHRASE_ENV = "SLIPWAY_PASSPHRASE";
    /** New passphrases shorter than this are refused. */
    public static final int MIN_PASSPHRASE_LENGTH = 8;

    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int SALT_BYTES = 16;
    private static final int KEY_BYTES = 32;
    private static final byte[] CHECK_PLAINTEXT = "slipway credential key check v1".getBytes(StandardCharsets.US_ASCII);
    private static final String CHECK_CONTEXT = "slipway:key-check";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Argon2id cost parameters, stored with the salt so a workspace keeps opening when the defaults change. */
    public record KdfParams(int memoryKib, int iterations, int parallelism) {
        /**
         * OWASP's first Argon2id recommendation (46 MiB, 1 pass, 1 lane): ~0.1 s warm, well under a second in a
         * fresh CLI process, paid once per unlock (not per secret).
         */
        public static final KdfParams DEFAULT = new KdfParams(46 * 1024, 1, 1);

        public KdfParams {
            if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
                throw new IllegalArgumentException("invalid Argon2id parameters " + memoryKib + "/" + iterations
                        + "/" + parallelism);
            }
        }
    }

    private final SecretKey key;
    private volatile boolean destroyed;

    private CredentialVault(SecretKey key) {
        this.key = key;
    }

    /** True once a passphrase has been set for the workspace (the first credential stored sets it). */
    public static boolean isInitialised(Jdbc jdbc) {
        return jdbc.queryOne("SELECT COUNT(*) FROM credential_key", rs -> rs.getInt(1)).orElse(0) > 0;
    }

    /**
     * Opens the workspace's vault with {@code passphrase}; on a workspace without one yet, the passphrase becomes
     * the workspace passphrase (new random salt, {@code paramsForNew}). A wrong passphrase is a
     * {@link UserFacingException} that says so. The caller may wipe {@code passphrase} afterwards.
     */
    public static CredentialVault unlock(Jdbc jdbc, Path workspaceDir, char[] passphrase, KdfParams paramsForNew,
                                         Clock clock) {
        if (passphrase == null || passphrase.length == 0) {
            throw new UserFacingException("The workspace passphrase is empty. Set $" + PASSPHRASE_ENV
                    + " or type it when asked.");
        }
        Optional<Stored> stored = jdbc.queryOne("SELECT kdf, kdf_memory_kib, kdf_iterations, kdf_parallelism, salt, "
                + "key_check FROM credential_key WHERE id = 1", rs -> new Stored(rs.getString(1),
                new KdfParams(rs.getInt(2), rs.getInt(3), rs.getInt(4)), rs.getBytes(5), rs.getBytes(6)));
        if (stored.isEmpty()) {
            if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
                throw new UserFacingException("A new workspace passphrase needs at least " + MIN_PASSPHRASE_LENGTH
                        + " characters; it encrypts the registry credentials stored in " + workspaceDir + ".");
            }
            byte[] salt = new byte[SALT_BYTES];
            RANDOM.nextBytes(salt);
            CredentialVault vault = new CredentialVault(derive(passphrase, salt, paramsForNew));
            byte[] check = vault.seal(CHECK_PLAINTEXT, CHECK_CONTEXT);
            int inserted = jdbc.update("INSERT INTO credential_key (id, kdf, kdf_memory_kib, kdf_iterations, "
                    + "kdf_parallelism, salt, key_check, created_at) SELECT 1, 'argon2id', ?, ?, ?, ?, ?, ? "
                    + "WHERE NOT EXISTS (SELECT 1 FROM credential_key)", paramsForNew.memoryKib(),
                    paramsForNew.iterations(), paramsForNew.parallelism(), salt, check, Jdbc.utc(clock.now()));
            if (inserted == 1) {
                return vault;
            }
            // another process set the passphrase meanwhile: open against that one
            return unlock(jdbc, workspaceDir, passphrase, paramsForNew, clock);
        }
        Stored s = stored.get();
        if (!"argon2id".equals(s.kdf())) {
            throw new UserFacingException("The credential key of workspace " + workspaceDir + " uses an unknown "
                    + "key derivation '" + s.kdf() + "' (written by a newer Slipway?).");
        }
        CredentialVault vault = new CredentialVault(derive(passphrase, s.salt(), s.params()));
        try {
            byte[] check = vault.open(s.check(), CHECK_CONTEXT);
            if (!Arrays.equals(check, CHECK_PLAINTEXT)) {
                throw new AEADBadTagException("check value differs");
            }
        } catch (AEADBadTagException e) {
            throw new UserFacingException("Wrong workspace passphrase: it does not unlock the registry credentials "
                    + "stored in " + workspaceDir + " (check $" + PASSPHRASE_ENV + ").", e);
        }
        return vault;
    }

    private record Stored(String kdf, KdfParams params, byte[] salt, byte[] check) {
    }

    static SecretKey derive(char[] passphrase, byte[] salt, KdfParams p) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(p.memoryKib())
                .withIterations(p.iterations())
                .withParallelism(p.parallelism())
                .build();
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(params);
        byte[] out = new byte[KEY_BYTES];
        gen.generateBytes(passphrase, out);
        try {
            return new SecretKeySpec(out, "AES");
        } finally {
            Arrays.fill(out, (byte) 0);
        }
    }

    /** Seals {@code secret} for {@code context} (e.g. which registry and user it belongs to). */
    public byte[] sealChars(char[] secret, String context) {
        byte[] plain = utf8(secret);
        try {
            return seal(plain, context);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Opens what {@link #sealChars} sealed for the same {@code context}; wipe the result after use. */
    public char[] openChars(byte[] sealed, String context) {
        byte[] plain;
        try {
            plain = open(sealed, context);
        } catch (AEADBadTagException e) {
            throw new UserFacingException("A stored credential (" + context + ") does not decrypt with the workspace "
                    + "key: it was altered or copied from elsewhere. Store it again (slipway registry login).", e);
        }
        try {
            return chars(plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    byte[] seal(byte[] plain, String context) {
        checkAlive();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            gcm.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ct = gcm.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + ct.length).put(FORMAT).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every JDK", e);
        }
    }

    byte[] open(byte[] sealed, String context) throws AEADBadTagException {
        checkAlive();
        if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw new AEADBadTagException("not a sealed value of format " + FORMAT);
        }
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            gcm.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return gcm.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every JDK", e);
        }
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("credential vault was closed");
        }
    }

    /** Forgets the key reference (the JDK's key object cannot be wiped reliably; it is dropped for GC). */
    @Override
    public void destroy() {
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "CredentialVault[" + (destroyed ? "closed" : "open") + "]";
    }

    static byte[] utf8(char[] chars) {
        CharsetEncoder enc = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buf = null;
        try {
            buf = enc.encode(CharBuffer.wrap(chars));
            byte[] out = new byte[buf.remaining()];
            buf.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new UserFacingException("The secret is not valid text (unpaired surrogate).", e);
        } finally {
            if (buf != null && buf.hasArray()) {
                Arrays.fill(buf.array(), (byte) 0);
            }
        }
    }

    static char[] chars(byte[] utf8) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer buf = null;
        try {
            buf = dec.decode(ByteBuffer.wrap(utf8));
            char[] out = new char[buf.remaining()];
            buf.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("sealed secret is not UTF-8", e);
        } finally {
            if (buf != null && buf.hasArray()) {
                Arrays.fill(buf.array(), '\0');
            }
        }
    }
}
