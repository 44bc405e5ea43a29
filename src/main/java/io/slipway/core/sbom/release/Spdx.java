package io.slipway.core.sbom.release;

import io.slipway.core.common.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.jacksonstore.MultiFormatStore;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.storage.simple.InMemSpdxStore;

/**
 * The one place the release side touches spdx-java-library's store: offline initialisation, reading and
 * writing SPDX 2.x JSON, verification. Initialising here (static) sets {@code org.spdx.useJARLicenseInfoOnly}
 * before the library is first used, so it never reaches for spdx.org.
 */
public final class Spdx {
    public static final String OFFLINE_PROPERTY = "org.spdx.useJARLicenseInfoOnly";
    private static final DateTimeFormatter SPDX_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    static {
        if (System.getProperty(OFFLINE_PROPERTY) == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        }
        SpdxModelFactory.init();
    }

    private Spdx() {
    }

    /** Makes sure the library is initialised offline; cheap after the first call. */
    public static void init() {
        // the static initialiser does the work
    }

    static MultiFormatStore newStore() {
        return new MultiFormatStore(new InMemSpdxStore(), MultiFormatStore.Format.JSON_PRETTY);
    }

    static String date(Instant at) {
        return SPDX_DATE.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Reads one SPDX 2.x JSON document into its own store; every failure names the file. */
    static SpdxDocument read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException(file + ": no such file");
        }
        sniff(file);
        MultiFormatStore store = newStore();
        try (InputStream in = Files.newInputStream(file)) {
            return store.deSerialize(in, false);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new UserFacingException(file + ": " + where + "not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot read (" + e.getMessage() + ")", e);
        } catch (InvalidSPDXAnalysisException | RuntimeException e) {
            throw new UserFacingException(file + ": not a readable SPDX 2.x JSON document (" + rootMessage(e) + ")", e);
        }
    }

    /** Refuses, with what it is, a file that is empty or plainly not JSON (tag-value, XML). */
    private static void sniff(Path file) {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        String text = new String(head, 0, n, java.nio.charset.StandardCharsets.UTF_8).stripLeading();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).stripLeading();
        }
        if (text.isEmpty()) {
            throw new UserFacingException(file + ": empty file, not an SPDX JSON document");
        }
        if (text.startsWith("SPDXVersion:") || text.startsWith("##") && text.contains("SPDXVersion:")) {
            throw new UserFacingException(file + ": SPDX tag-value, not JSON; Slipway's SBOM index and component "
                    + "documents are SPDX 2.x JSON");
        }
        if (text.startsWith("<")) {
            throw new UserFacingException(file + ": XML (RDF/XML?), not JSON; Slipway's SBOM index and component "
                    + "documents are SPDX 2.x JSON");
        }
    }

    /** Verifies with the library; returns its messages (empty = valid). */
    static List<String> verify(SpdxDocument doc) {
        return doc.verify();
    }

    /** Writes {@code doc} (which lives in {@code store}) as pretty SPDX JSON, replacing {@code file} atomically. */
    static void write(MultiFormatStore store, SpdxDocument doc, Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                store.serialize(out, doc);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | InvalidSPDXAnalysisException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original failure is what matters
            }
            throw new UserFacingException(file + ": cannot write SPDX document (" + e.getMessage() + ")", e);
        }
    }

    static String errors(List<String> messages) {
        return messages.stream().limit(5).collect(Collectors.joining("; "))
                + (messages.size() > 5 ? " (and " + (messages.size() - 5) + " more)" : "");
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required by every JDK", e);
        }
    }

    static String sha1(Path file) throws IOException {
        MessageDigest sha1 = digest("SHA-1");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha1.update(buf, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(sha1.digest());
    }
}
