package io.slipway.core.audit.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slipway.core.common.Json;
import io.slipway.core.common.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A detached signature next to a file: {@code FILE.sig}, a small JSON document.
 *
 * <pre>{"format":"slipway-signature","version":1,"algorithm":"Ed25519","file":"audit.jsonl",
 *  "sha256":"…","keyFingerprint":"SHA256:…","publicKey":"base64 X.509","signature":"base64"}</pre>
 *
 * The signature is over the statement {@code slipway-signature v1\nsha256 <hex>\nkey <fingerprint>\n}, so a file of
 * any size is signed while it is streamed (Ed25519 itself would need the whole file in memory). The public key is
 * carried for offline checking; what proves the origin is its fingerprint, which the auditor compares with the one
 * the workspace shows ({@code slipway audit key}).
 */
public final class DetachedSignature {
    public static final String SUFFIX = ".sig";
    static final String FORMAT = "slipway-signature";
    static final int VERSION = 1;

    private DetachedSignature() {
    }

    public static Path sigFile(Path file) {
        return file.resolveSibling(file.getFileName() + SUFFIX);
    }

    /** Writes {@code FILE.sig} for {@code file}; returns the signature file. */
    public static Path sign(Path file, SigningKey key) {
        String sha = sha256(file);
        byte[] sig = key.sign(statement(sha, key.fingerprint()));
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("format", FORMAT).put("version", VERSION).put("algorithm", SigningKey.ALGORITHM)
                .put("file", file.getFileName().toString()).put("sha256", sha).put("keyFingerprint", key.fingerprint())
                .put("publicKey", Base64.getEncoder().encodeToString(key.publicKey().getEncoded()))
                .put("signature", Base64.getEncoder().encodeToString(sig));
        Path out = sigFile(file);
        try {
            Files.writeString(out, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserFacingException("Cannot write the signature " + out + " (" + e.getMessage() + ").", e);
        }
        return out;
    }

    /**
     * Checks {@code FILE.sig} against {@code file}; returns the signing key's fingerprint. Throws
     * {@link ProofException} naming the first problem (no signature, unreadable, newer format, other bytes, bad
     * signature).
     */
    public static String check(Path file) {
        Path sigPath = sigFile(file);
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(Files.readString(sigPath, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ProofException("The signature " + sigPath + " is missing: " + file.getFileName()
                    + " cannot be shown to come from a workspace unchanged.");
        } catch (IOException e) {
            throw new ProofException("The signature " + sigPath + " is not readable JSON (" + e.getMessage() + ").", e);
        }
        if (!FORMAT.equals(n.path("format").asText())) {
            throw new ProofException("The signature " + sigPath + " is not a Slipway signature (format '"
                    + n.path("format").asText() + "').");
        }
        if (n.path("version").asInt() > VERSION) {
            throw new ProofException("The signature " + sigPath + " has format version " + n.path("version").asInt()
                    + ", newer than this Slipway understands (" + VERSION + "): check it with a newer Slipway.");
        }
        String fp = n.path("keyFingerprint").asText();
        PublicKey pub;
        byte[] signature;
        try {
            pub = SigningKey.decodePublic(Base64.getDecoder().decode(n.path("publicKey").asText()));
            signature = Base64.getDecoder().decode(n.path("signature").asText());
        } catch (IllegalArgumentException e) {
            throw new ProofException("The signature " + sigPath + " has a damaged public key or signature field.", e);
        }
        if (!SigningKey.fingerprint(pub).equals(fp)) {
            throw new ProofException("The signature " + sigPath + " names key " + fp + " but carries key "
                    + SigningKey.fingerprint(pub) + ".");
        }
        String sha = sha256(file);
        if (!sha.equals(n.path("sha256").asText())) {
            throw new ProofException(file.getFileName() + " changed after it was signed: its SHA-256 is " + sha
                    + ", the signature (key " + fp + ") was made over " + n.path("sha256").asText() + ".");
        }
        if (!SigningKey.verify(pub, statement(sha, fp), signature)) {
            throw new ProofException("The signature " + sigPath + " does not verify with key " + fp
                    + ": the signature file was changed or made for other content.");
        }
        return fp;
    }

    static byte[] statement(String sha256Hex, String fingerprint) {
        return ("slipway-signature v1\nsha256 " + sha256Hex + "\nkey " + fingerprint + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** SHA-256 of a file, streamed. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchFileException e) {
            throw new UserFacingException("No such file: " + file + ".", e);
        } catch (IOException e) {
            throw new UserFacingException("Cannot read " + file + " (" + e.getMessage() + ").", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
