package io.slipway.core.audit.export;

import io.slipway.core.audit.AuditTrail;
import io.slipway.core.common.Clock;
import io.slipway.core.registry.CredentialVault;
import io.slipway.core.store.Jdbc;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The workspace's Ed25519 key pair that signs audit exports and evidence packs (JDK's Ed25519, RFC 8032).
 *
 * <p>The private key (PKCS#8) is sealed with the workspace passphrase by the {@link CredentialVault} (Argon2id +
 * AES-256-GCM), as registry passwords are; the public key (X.509 SubjectPublicKeyInfo) and its fingerprint are
 * stored in the clear. The fingerprint is {@code SHA256:} + hex of SHA-256 over the public key's X.509 encoding: what
 * an auditor compares to know which workspace signed.
 */
public final class SigningKey {
    public static final String ALGORITHM = "Ed25519";
    private static final String SEAL_CONTEXT = "slipway:audit-signing-key";

    private final PublicKey publicKey;
    private final PrivateKey privateKey;

    private SigningKey(PublicKey publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** The workspace's public key, if one was created (no passphrase needed). */
    public static Optional<PublicKey> publicKey(Jdbc jdbc) {
        return jdbc.queryOne("SELECT public_key FROM audit_signing_key WHERE id = 1", rs -> rs.getBytes(1))
                .map(SigningKey::decodePublic);
    }

    /** The workspace's key pair, opened with {@code vault}; created (and the creation audited) on first use. */
    public static SigningKey open(Jdbc jdbc, CredentialVault vault, AuditTrail audit, Clock clock) {
        Optional<byte[][]> stored = jdbc.queryOne("SELECT public_key, sealed_private FROM audit_signing_key "
                + "WHERE id = 1", rs -> new byte[][] {rs.getBytes(1), rs.getBytes(2)});
        if (stored.isPresent()) {
            PublicKey pub = decodePublic(stored.get()[0]);
            char[] b64 = vault.openChars(stored.get()[1], SEAL_CONTEXT);
            byte[] pkcs8 = Base64.getDecoder().decode(new String(b64));
            Arrays.fill(b64, '\0');
            try {
                return new SigningKey(pub, KeyFactory.getInstance(ALGORITHM).generatePrivate(
                        new PKCS8EncodedKeySpec(pkcs8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the stored signing key is not an Ed25519 key", e);
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
            }
        }
        KeyPair pair = generate();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        char[] b64 = Base64.getEncoder().encodeToString(pkcs8).toCharArray();
        byte[] sealed = vault.sealChars(b64, SEAL_CONTEXT);
        Arrays.fill(b64, '\0');
        Arrays.fill(pkcs8, (byte) 0);
        String fp = fingerprint(pair.getPublic());
        int inserted = jdbc.update("INSERT INTO audit_signing_key (id, algorithm, public_key, sealed_private, "
                + "fingerprint, created_at) SELECT 1, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM audit_signing_key)",
                ALGORITHM, pair.getPublic().getEncoded(), sealed, fp, Jdbc.utc(clock.now()));
        if (inserted == 0) {
            return open(jdbc, vault, audit, clock); // another process created it meanwhile
        }
        audit.record("audit.signing-key-created", fp, Map.of("algorithm", ALGORITHM, "fingerprint", fp,
                "privateKey", "sealed"));
        return new SigningKey(pair.getPublic(), pair.getPrivate());
    }

    /** A key pair that lives in memory only (tests, and signing with a key from elsewhere). */
    public static SigningKey ephemeral() {
        KeyPair pair = generate();
        return new SigningKey(pair.getPublic(), pair.getPrivate());
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required by JDK 15+", e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String fingerprint() {
        return fingerprint(publicKey);
    }

    public byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static String fingerprint(PublicKey key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "SHA256:" + HexFormat.of().formatHex(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    public static PublicKey decodePublic(byte[] x509) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
