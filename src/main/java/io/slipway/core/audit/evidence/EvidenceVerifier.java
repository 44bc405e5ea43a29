package io.slipway.core.audit.evidence;

import io.slipway.core.audit.export.DetachedSignature;
import io.slipway.core.audit.export.JsonlVerifier;
import io.slipway.core.audit.export.ProofException;
import io.slipway.core.common.UserFacingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an evidence folder offline: the signature over SHA256SUMS (and, when required, by which key), then every
 * listed file is present and unchanged, no file is there that the list does not name, and the audit events inside
 * hold their hash chain. Reads only; the first problem is thrown as a {@link ProofException}.
 */
public final class EvidenceVerifier {
    /** A verified pack. */
    public record Verified(Path dir, int files, long events, String keyFingerprint) {
    }

    private EvidenceVerifier() {
    }

    public static Verified verify(Path dir, Optional<String> expectedKey) {
        if (!Files.isDirectory(dir)) {
            throw new UserFacingException("No such evidence folder: " + dir + ".");
        }
        Path sums = dir.resolve(EvidenceLayout.SUMS);
        if (!Files.isRegularFile(sums)) {
            throw new ProofException("The evidence folder " + dir + " has no " + EvidenceLayout.SUMS
                    + ": it is not a Slipway evidence pack, or that file was removed.");
        }
        String fp = DetachedSignature.check(sums);
        if (expectedKey.isPresent() && !expectedKey.get().equals(fp)) {
            throw new ProofException("The evidence in " + dir + " is signed by key " + fp + ", not by the required key "
                    + expectedKey.get() + ".");
        }
        try {
            int[] bad = {0};
            Map<String, String> listed = Sums.read(Files.readAllLines(sums, StandardCharsets.UTF_8), bad);
            if (listed == null) {
                throw new ProofException(EvidenceLayout.SUMS + " line " + bad[0] + " is not 'HASH  FILE'.");
            }
            for (Map.Entry<String, String> f : listed.entrySet()) {
                Path p = dir.resolve(f.getKey()).normalize();
                if (!p.startsWith(dir.normalize()) || !Files.isRegularFile(p)) {
                    throw new ProofException("The evidence file " + f.getKey() + " listed in " + EvidenceLayout.SUMS
                            + " is missing from " + dir + ".");
                }
                if (!DetachedSignature.sha256(p).equals(f.getValue())) {
                    throw new ProofException("The evidence file " + f.getKey() + " was changed: its SHA-256 differs "
                            + "from " + EvidenceLayout.SUMS + ".");
                }
            }
            List<String> present = Sums.relativeFiles(dir);
            for (String f : present) {
                if (!listed.containsKey(f) && !f.equals(EvidenceLayout.SUMS) && !f.equals(EvidenceLayout.SUMS_SIG)) {
                    throw new ProofException("The evidence folder " + dir + " has an extra file " + f
                            + " that " + EvidenceLayout.SUMS + " does not list.");
                }
            }
            if (!listed.containsKey(EvidenceLayout.EVENTS)) {
                throw new ProofException(EvidenceLayout.SUMS + " does not list " + EvidenceLayout.EVENTS + ".");
            }
            JsonlVerifier.Verified events = JsonlVerifier.verify(dir.resolve(EvidenceLayout.EVENTS), Optional.empty());
            return new Verified(dir, listed.size(), events.events(), fp);
        } catch (IOException e) {
            throw new UserFacingException("Cannot read the evidence in " + dir + " (" + e.getMessage() + ").", e);
        }
    }
}
