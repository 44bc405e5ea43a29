package io.slipway.core.deploy;

import io.slipway.core.common.Cancellation;
import io.slipway.core.engine.EngineClient;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Copies a directory from one container into another at the same absolute path: the build output of an environment
 * container into the run-check container created from the same image. The engines extract into a directory that
 * must exist, so the tar's entries are re-rooted at {@code /} (with the path's parents) and extracted there.
 */
public final class BuildOutputCopy {
    private BuildOutputCopy() {
    }

    /** Copies {@code path} of {@code from} to {@code path} of {@code to} (created, not started); returns the bytes. */
    public static long copy(EngineClient engine, String from, String path, String to, Cancellation cancel)
            throws IOException {
        String parent = path.substring(0, path.lastIndexOf('/')); // "" for /out
        try (ContextBuffer buffer = new ContextBuffer()) {
            long bytes = 0;
            try (InputStream raw = engine.archiveFrom(from, path, cancel);
                 TarArchiveInputStream in = new TarArchiveInputStream(raw);
                 TarArchiveOutputStream out = new TarArchiveOutputStream(buffer)) {
                out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                String prefix = parent.isEmpty() ? "" : parent.substring(1) + "/";
                if (!prefix.isEmpty()) {
                    StringBuilder dir = new StringBuilder();
                    for (String part : prefix.split("/")) {
                        dir.append(part).append('/');
                        TarArchiveEntry d = new TarArchiveEntry(dir.toString());
                        d.setMode(0755);
                        out.putArchiveEntry(d);
                        out.closeArchiveEntry();
                    }
                }
                TarArchiveEntry e;
                while ((e = in.getNextEntry()) != null) {
                    e.setName(prefix + e.getName());
                    if (e.isLink()) { // a hard link names an entry of the same tar: re-rooted too
                        e.setLinkName(prefix + e.getLinkName());
                    }
                    out.putArchiveEntry(e);
                    if (e.isFile()) {
                        bytes += in.transferTo(out);
                    }
                    out.closeArchiveEntry();
                }
                out.finish();
            }
            try (InputStream tar = buffer.open()) {
                engine.archiveTo(to, "/", tar);
            }
            return bytes;
        }
    }
}
