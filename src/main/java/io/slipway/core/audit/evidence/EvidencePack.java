package io.slipway.core.audit.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slipway.core.audit.AuditEvent;
import io.slipway.core.audit.AuditFilter;
import io.slipway.core.audit.AuditTrail;
import io.slipway.core.audit.export.AuditExporter;
import io.slipway.core.audit.export.DetachedSignature;
import io.slipway.core.audit.export.ExportFormat;
import io.slipway.core.audit.export.SigningKey;
import io.slipway.core.common.Json;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.deploy.DeployRepository;
import io.slipway.core.inventory.NodeRepository;
import io.slipway.core.sbom.release.LoadedRelease;
import io.slipway.core.sbom.release.Publisher;
import io.slipway.core.sbom.release.ReleaseService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes a release evidence pack ({@link EvidenceLayout}) for a published release: everything an auditor needs to
 * answer "what did this release contain, who published it with which findings, and which nodes run it now",
 * checkable offline with {@link EvidenceVerifier}. Written into a hidden folder next to the target and moved into
 * place, so a pack is complete or absent.
 */
public final class EvidencePack {
    /** What was written. */
    public record Result(Path dir, String release, int files, long events, String keyFingerprint) {
    }

    private final AuditTrail audit;
    private final ReleaseService releases;
    private final NodeRepository nodes;
    private final DeployRepository deploys;
    private final AuditExporter exporter;

    public EvidencePack(AuditTrail audit, ReleaseService releases, NodeRepository nodes, DeployRepository deploys,
                        AuditExporter exporter) {
        this.audit = audit;
        this.releases = releases;
        this.nodes = nodes;
        this.deploys = deploys;
        this.exporter = exporter;
    }

    /** {@code release}: "NAME VERSION", "NAME@VERSION" or the folder it was published to. */
    public Result write(String release, Path out, SigningKey key) {
        AuditEvent published = findPublication(release);
        JsonNode details = readDetails(published);
        Path publishedDir = Path.of(published.subject());
        Path index = publishedDir.resolve(Publisher.INDEX_FILE);
        if (!Files.isRegularFile(index)) {
            throw new UserFacingException("The release " + details.path("release").asText() + " was published to "
                    + publishedDir + ", but " + index + " is not there any more: the evidence pack needs the "
                    + "published SBOM.");
        }
        Path target = out.toAbsolutePath().normalize();
        checkEmptyTarget(target);
        Path staging;
        try {
            Files.createDirectories(target.getParent());
            staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".evidence-");
        } catch (IOException e) {
            throw new UserFacingException("Cannot write into " + target.getParent() + " (" + e.getMessage() + ").", e);
        }
        try {
            String name = details.path("release").asText();
            copySbom(publishedDir, staging.resolve(EvidenceLayout.SBOM_DIR));
            writeJson(staging.resolve(EvidenceLayout.RELEASE), releaseJson(published, details));
            LoadedRelease loaded = releases.load(index, Optional.empty());
            writeJson(staging.resolve(EvidenceLayout.DEPLOYMENTS),
                    new Deployments(nodes, deploys).forRelease(loaded));
            AuditFilter about = new AuditFilter(null, null, null, null, null, name);
            long events = exporter.write(new AuditExporter.Request(staging.resolve(EvidenceLayout.EVENTS),
                    ExportFormat.JSONL, about, false, Optional.empty())).events();
            Files.writeString(staging.resolve(EvidenceLayout.README), readme(name, key.fingerprint()),
                    StandardCharsets.UTF_8);
            int files = Sums.write(staging, staging.resolve(EvidenceLayout.SUMS));
            DetachedSignature.sign(staging.resolve(EvidenceLayout.SUMS), key);
            if (Files.exists(target)) {
                Files.delete(target); // empty (checked above)
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("release", name);
            d.put("dir", target.toString());
            d.put("files", files);
            d.put("events", events);
            d.put("signingKey", key.fingerprint());
            audit.record("audit.evidence-written", name, d);
            return new Result(target, name, files, events, key.fingerprint());
        } catch (IOException | UncheckedIOException e) {
            Sums.deleteTree(staging);
            throw new UserFacingException("Writing the evidence pack " + target + " failed (" + e.getMessage()
                    + ").", e);
        } catch (RuntimeException e) {
            Sums.deleteTree(staging);
            throw e;
        }
    }

    /** The latest {@code sbom.published} event for the release (by name and version, or by its folder). */
    AuditEvent findPublication(String release) {
        String wanted = release.strip().replace('@', ' ');
        String asPath = null;
        try {
            asPath = Path.of(release).toAbsolutePath().normalize().toString();
        } catch (RuntimeException e) {
            // not a path: match by name and version only
        }
        List<AuditEvent> candidates = audit.queries().newest(new AuditFilter(null, null,
                ReleaseService.AUDIT_PUBLISHED, null, null, null), 10_000);
        for (AuditEvent e : candidates) {
            if (e.subject().equals(asPath) || wanted.equals(readDetails(e).path("release").asText())) {
                return e;
            }
        }
        throw new UserFacingException("No published release '" + release + "' in the audit trail: give NAME VERSION "
                + "(as 'slipway sbom publish' printed it) or the folder it was published to.");
    }

    private static JsonNode readDetails(AuditEvent e) {
        try {
            return Json.MAPPER.readTree(e.detailsJson());
        } catch (IOException ex) {
            throw new UserFacingException("Audit event " + e.seq() + " has unreadable details.", ex);
        }
    }

    private static ObjectNode releaseJson(AuditEvent published, JsonNode details) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("release", details.path("release").asText());
        n.put("publishedTo", published.subject());
        n.put("publishedAt", published.at().toString());
        n.put("publishedBy", published.whoAndWhere());
        n.put("reason", published.reason());
        n.put("auditEvent", published.seq());
        n.put("auditEventHash", published.hash());
        for (String f : List.of("index", "policy", "confirmedOwnedSource", "gate", "findings", "plan", "files",
                "bytes")) {
            if (details.has(f)) {
                n.set(f, details.get(f));
            }
        }
        return n;
    }

    /** The published index and every component's SPDX document, in their published places. */
    private static void copySbom(Path publishedDir, Path into) throws IOException {
        Files.createDirectories(into);
        Files.copy(publishedDir.resolve(Publisher.INDEX_FILE), into.resolve(Publisher.INDEX_FILE));
        List<Path> docs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(publishedDir)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("spdx"))
                    .forEach(docs::add);
        }
        for (Path doc : docs) {
            Path rel = publishedDir.relativize(doc);
            Path dest = into.resolve(rel.toString());
            Files.createDirectories(dest.getParent());
            Files.copy(doc, dest);
        }
    }

    private static void writeJson(Path file, Object value) throws IOException {
        Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n",
                StandardCharsets.UTF_8);
    }

    private static void checkEmptyTarget(Path target) {
        if (Files.isDirectory(target)) {
            try (Stream<Path> s = Files.list(target)) {
                if (s.findAny().isPresent()) {
                    throw new UserFacingException("The evidence folder " + target + " is not empty: choose a new one.");
                }
            } catch (IOException e) {
                throw new UserFacingException("Cannot read " + target + " (" + e.getMessage() + ").", e);
            }
        } else if (Files.exists(target)) {
            throw new UserFacingException(target + " is a file: the evidence pack needs a folder.");
        }
    }

    private static String readme(String release, String fingerprint) {
        return "Slipway evidence pack for release " + release + "\n\n"
                + "release.json        publication: who, when, why, policy, gate result, findings, plan\n"
                + "sbom/               the published SBOM index and component SPDX documents\n"
                + "audit-events.jsonl  every audit event about the release (hash-chained, filtered export)\n"
                + "deployments.json    per node: the release's software installed there and the deploys behind it\n"
                + "SHA256SUMS          checksums of every file; SHA256SUMS.sig: Ed25519 signature\n\n"
                + "Signed by workspace key " + fingerprint + ".\n"
                + "Check offline: slipway audit verify --evidence THIS_FOLDER [--key " + fingerprint + "]\n"
                + "or, checksums only: sha256sum -c SHA256SUMS\n";
    }
}
