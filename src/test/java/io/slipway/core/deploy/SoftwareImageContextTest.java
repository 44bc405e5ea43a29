package io.slipway.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftwareImageContextTest {
    @TempDir
    Path dir;

    @Test
    void reRootsTheOutputUnderPayloadBesideADockerfile() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.putArchiveEntry(new TarArchiveEntry("out/"));
            out.closeArchiveEntry();
            byte[] hello = "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry f = new TarArchiveEntry("out/bin/hello");
            f.setSize(hello.length);
            f.setMode(0755);
            out.putArchiveEntry(f);
            out.write(hello);
            out.closeArchiveEntry();
            TarArchiveEntry link = new TarArchiveEntry("out/bin/hi", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("hello");
            out.putArchiveEntry(link);
            out.closeArchiveEntry();
        }
        Path ctx = dir.resolve("ctx.tar");
        SoftwareImageContext.Stats stats;
        try (OutputStream file = Files.newOutputStream(ctx)) {
            stats = SoftwareImageContext.write(new ByteArrayInputStream(bytes.toByteArray()), file, "/opt/slipway/hello");
        }
        assertThat(stats.files()).isEqualTo(1);
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        String dockerfile;
        try (InputStream in = Files.newInputStream(ctx); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            dockerfile = null;
            while ((e = tar.getNextEntry()) != null) {
                entries.put(e.getName(), e);
                if (e.getName().equals("Dockerfile")) {
                    dockerfile = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(entries).containsOnlyKeys("Dockerfile", "payload/", "payload/bin/hello", "payload/bin/hi");
        assertThat(entries.get("payload/bin/hello").getMode() & 0777).isEqualTo(0755);
        assertThat(entries.get("payload/bin/hi").getLinkName()).isEqualTo("hello");
        assertThat(dockerfile).isEqualTo("FROM scratch\nCOPY payload/ /opt/slipway/hello/\n");
    }
}
