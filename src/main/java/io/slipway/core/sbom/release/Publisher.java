package io.slipway.core.sbom.release;

import io.slipway.core.common.Clock;
import io.slipway.core.common.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a planned release: {@code <out>/<tier>/<name>-<version>/{spdx,source,binary}} as each mode allows,
 * the published SBOM index, NOTICE and SHA256SUMS. Atomic: everything is built in a temporary folder next to
 * {@code out} and moved into place with one ATOMIC_MOVE; any failure or cancellation deletes the temporary folder,
 * so there is never a half-written release. Every file is hashed while it is copied and checked against the SHA-256
 * its SPDX document states; sources must lie inside the release set (links pointing outside are refused), and
 * targets inside the output folder.
 */
public final class Publisher {
    public static final String INDEX_FILE = SbomGenerator.INDEX_FILE;
    public static final String NOTICE_FILE = "NOTICE";
    public static final String SUMS_FILE = "SHA256SUMS";
    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    private static final int BUFFER = 1 << 18;
    private static final long PROGRESS_STEP = 8L << 20;

    private final Clock clock;

    public Publisher(Clock clock) {
        this.clock = clock;
    }

    public PublishResult publish(LoadedRelease release, ReleasePlan plan, GateResult gate, Path outDir,
                                 boolean confirmed, PublishProgress progress) {
        if (gate.blocksPublishing(confirmed)) {
            throw new ReleaseBlockedException(release.index() + ": " + gate.refusal(confirmed), gate);
        }
        Path out = outDir.toAbsolutePath().normalize();
        PublishTarget.problem(out, release).ifPresent(problem -> {
            throw new UserFacingException(problem);
        });
        List<Planned> files = check(release, plan);
        long totalBytes = files.stream().mapToLong(Planned::size).sum();
        Path parent = out.getParent();
        Path staging;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + out.getFileName() + ".publishing-");
        } catch (IOException e) {
            throw new UserFacingException(out + ": cannot prepare the output folder (" + e.getMessage() + ")", e);
        }
        try {
            Map<String, String> sums = new TreeMap<>();
            byte[] buffer = new byte[BUFFER];
            Set<Path> madeDirs = new java.util.HashSet<>();
            long done = 0;
            int n = 0;
            for (Planned p : files) {
                if (progress.cancelled()) {
                    throw new PublishCancelledException(out + ": publishing cancelled after " + n + " of " + files.size()
                            + " files; nothing was published");
                }
                Path target = SafePaths.resolveInside(staging, p.artefact().target(), "target");
                if (madeDirs.add(target.getParent())) {
                    Files.createDirectories(target.getParent());
                }
                final long before = done;
                final int fileNo = n;
                String sha256 = copy(p.source(), target, buffer, copied -> progress.update(before + copied, totalBytes,
                        fileNo, files.size(), p.artefact().target()));
                if (p.artefact().sha256() != null && !p.artefact().sha256().equalsIgnoreCase(sha256)) {
                    throw new UserFacingException(p.source() + ": SHA-256 is " + sha256 + " but its SPDX document "
                            + "says " + p.artefact().sha256() + " (the file changed after the SBOM was generated; "
                            + "regenerate it)");
                }
                sums.put(p.artefact().target(), sha256);
                done += p.size();
                n++;
                progress.update(done, totalBytes, n, files.size(), p.artefact().target());
            }
            Path index = staging.resolve(INDEX_FILE);
            SbomIndexWriter.write(publishedIndex(release, plan), index);
            sums.put(INDEX_FILE, sha256(index));
            Path notice = staging.resolve(NOTICE_FILE);
            Files.writeString(notice, NoticeWriter.notice(release, plan), StandardCharsets.UTF_8);
            sums.put(NOTICE_FILE, sha256(notice));
            StringBuilder lines = new StringBuilder();
            sums.forEach((path, hash) -> lines.append(hash).append("  ").append(path).append('\n'));
            Files.writeString(staging.resolve(SUMS_FILE), lines.toString(), StandardCharsets.US_ASCII);
            moveIntoPlace(staging, out);
            progress.update(totalBytes, totalBytes, files.size(), files.size(), "published " + out);
            LOG.info("published {} {} to {}: {} files, {} bytes", release.name(), release.version(), out, files.size(),
                    totalBytes);
            return new PublishResult(out, files.size(), totalBytes, out.resolve(INDEX_FILE), out.resolve(NOTICE_FILE),
                    out.resolve(SUMS_FILE));
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new UserFacingException(out + ": publishing failed, nothing was published (" + e.getMessage() + ")", e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(staging);
            throw e;
        }
    }

    private record Planned(Artefact artefact, Path source, long size) {
    }

    /** Resolves and checks every source before anything is written. */
    private static List<Planned> check(LoadedRelease release, ReleasePlan plan) {
        Path realRoot = null;
        if (release.releaseSet().isPresent()) {
            try {
                realRoot = release.releaseSet().get().root().toRealPath();
            } catch (IOException e) {
                throw new UserFacingException(release.releaseSet().get().root() + ": cannot resolve (" + e.getMessage()
                        + ")", e);
            }
        }
        List<Planned> out = new ArrayList<>();
        for (PlanEntry e : plan.entries()) {
            for (Artefact a : e.artefacts()) {
                String problem = SafePaths.relativePathProblem(a.target());
                if (problem != null) {
                    throw new SafePaths.UnsafePathException("target '" + a.target() + "' " + problem + "; refused");
                }
                if (a.source() == null) {
                    throw new UserFacingException(release.releaseSetProblem().orElse(release.index()
                            + ": the release set is not at hand") + " (needed for " + a.target() + ")");
                }
                Path src = a.source();
                if (a.kind() != Artefact.Kind.SPDX) {
                    Path real;
                    try {
                        real = src.toRealPath();
                    } catch (IOException ex) {
                        throw new UserFacingException(src + ": missing (listed in the SPDX document of "
                                + e.component().id() + "; regenerate the SBOM)", ex);
                    }
                    if (realRoot != null && !real.startsWith(realRoot)) {
                        throw new SafePaths.UnsafePathException(src + ": is a link pointing outside the release set "
                                + "(to " + real + "); refused");
                    }
                }
                if (!Files.isRegularFile(src)) {
                    throw new UserFacingException(src + ": not a regular file; refused");
                }
                try {
                    out.add(new Planned(a, src, Files.size(src)));
                } catch (IOException ex) {
                    throw new UserFacingException(src + ": cannot read (" + ex.getMessage() + ")", ex);
                }
            }
        }
        return out;
    }

    private interface Copied {
        void bytes(long copied);
    }

    private static String copy(Path src, Path dst, byte[] buf, Copied progress) throws IOException {
        MessageDigest sha256 = Spdx.digest("SHA-256");
        long copied = 0;
        long nextReport = PROGRESS_STEP;
        try (InputStream in = Files.newInputStream(src);
             OutputStream os = Files.newOutputStream(dst, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                sha256.update(buf, 0, n);
                os.write(buf, 0, n);
                copied += n;
                if (copied >= nextReport) {
                    progress.bytes(copied);
                    nextReport += PROGRESS_STEP;
                }
            }
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(src);
            if (perms.contains(PosixFilePermission.OWNER_EXECUTE)) {
                Files.setPosixFilePermissions(dst, perms);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to keep
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest sha256 = Spdx.digest("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha256.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private SbomIndexWriter.Spec publishedIndex(LoadedRelease release, ReleasePlan plan) {
        List<SbomIndexWriter.Entry> entries = new ArrayList<>();
        for (PlanEntry e : plan.entries()) {
            Artefact spdx = e.artefacts().stream().filter(a -> a.kind() == Artefact.Kind.SPDX).findFirst().orElse(null);
            if (spdx == null) {
                continue;
            }
            ReleaseComponent c = release.byId(e.component().id()).orElseThrow();
            Map<String, String> texts = new TreeMap<>();
            for (String id : LicenceExpressions.ids(c.declaredLicence())) {
                if (id.startsWith(LicenceExpressions.LICENSE_REF)) {
                    texts.put(id, c.licenceTexts().getOrDefault(id, "The text of " + id + " is in the SPDX document of "
                            + c.name() + " " + c.version() + "."));
                }
            }
            entries.add(new SbomIndexWriter.Entry(c.id(), c.name(), c.version(),
                    c.supplier() == null ? LicenceExpressions.NOASSERTION : c.supplier(),
                    c.downloadLocation() == null ? LicenceExpressions.NOASSERTION : c.downloadLocation(),
                    c.declaredLicence(), LicenceExpressions.isMissing(c.copyright()) ? LicenceExpressions.NOASSERTION
                    : c.copyright(), c.tags(), texts, c.documentNamespace(), c.documentSha1(), spdx.target()));
        }
        String namespace = SbomGenerator.NAMESPACE_BASE + SbomGenerator.slug(release.name() + "-" + release.version())
                + "/published-" + UUID.randomUUID();
        return new SbomIndexWriter.Spec(release.name(), release.version(), namespace, Spdx.date(clock.now()), null,
                entries);
    }

    private static void moveIntoPlace(Path staging, Path out) throws IOException {
        try {
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (DirectoryNotEmptyException e) {
            throw new UserFacingException(out + ": became non-empty while publishing; nothing was published", e);
        }
    }

    static void deleteQuietly(Path dir) {
        try {
            if (!Files.exists(dir)) {
                return;
            }
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("could not remove the unfinished publication {}: {}", dir, e.toString());
        }
    }
}
