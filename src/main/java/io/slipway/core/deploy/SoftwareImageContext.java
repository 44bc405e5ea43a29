package io.slipway.core.deploy;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Turns the build output (the tar stream an engine returns for a container directory, whose top entry is that
 * directory) into a build context for the software image: a {@code Dockerfile} plus the output re-rooted under
 * {@code payload/}. The image is {@code FROM scratch}: it carries the build output and Slipway's labels, nothing of
 * the build environment.
 */
final class SoftwareImageContext {
    static final String PAYLOAD = "payload";

    record Stats(long files, long bytes) {
    }

    private SoftwareImageContext() {
    }

    static String dockerfile(String installDir) {
        return "FROM scratch\nCOPY " + PAYLOAD + "/ " + installDir + "/\n";
    }

    /**
     * Writes the context tar to {@code target} (not closed: the caller reads it back); returns how many regular files
     * and bytes the output held.
     */
    static Stats write(InputStream outputTar, OutputStream target, String installDir) throws IOException {
        long files = 0;
        long bytes = 0;
        // closing the tar stream writes its last block; the target stays open for the caller
        OutputStream shielded = new FilterOutputStream(new BufferedOutputStream(target, 1 << 16)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(shielded);
             TarArchiveInputStream in = new TarArchiveInputStream(outputTar)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            byte[] df = dockerfile(installDir).getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry dfe = new TarArchiveEntry("Dockerfile");
            dfe.setSize(df.length);
            dfe.setMode(0644);
            out.putArchiveEntry(dfe);
            out.write(df);
            out.closeArchiveEntry();

            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                String name = rerooted(e.getName());
                TarArchiveEntry copy;
                if (e.isSymbolicLink()) {
                    copy = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
                    copy.setLinkName(e.getLinkName());
                } else if (e.isLink()) {
                    copy = new TarArchiveEntry(name, TarArchiveEntry.LF_LINK);
                    copy.setLinkName(rerooted(e.getLinkName()));
                } else if (e.isDirectory()) {
                    copy = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
                } else if (e.isFile()) {
                    copy = new TarArchiveEntry(name);
                    copy.setSize(e.getSize());
                    files++;
                    bytes += e.getSize();
                } else {
                    continue; // devices, fifos: not build output
                }
                copy.setMode(e.getMode());
                copy.setModTime(e.getModTime());
                copy.setUserId(0);
                copy.setGroupId(0);
                out.putArchiveEntry(copy);
                if (e.isFile()) {
                    in.transferTo(out);
                }
                out.closeArchiveEntry();
            }
            out.finish();
        }
        return new Stats(files, bytes);
    }

    /** {@code out/bin/x} → {@code payload/bin/x}; the top directory itself → {@code payload}. */
    static String rerooted(String name) {
        String n = name.startsWith("./") ? name.substring(2) : name;
        int slash = n.indexOf('/');
        String rest = slash < 0 ? "" : n.substring(slash + 1);
        return rest.isEmpty() ? PAYLOAD : PAYLOAD + "/" + rest;
    }
}
