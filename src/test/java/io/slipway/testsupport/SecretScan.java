package io.slipway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Proves a secret is absent from bytes on disk (UTF-8 and both UTF-16 orders) and from text. */
public final class SecretScan {
    private SecretScan() {
    }

    /** Every regular file under {@code dir} (the workspace's H2 file and anything beside it). */
    public static void assertAbsentFromFiles(Path dir, String secret) throws IOException {
        int scanned = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(f);
                for (Charset cs : new Charset[] {StandardCharsets.UTF_8, StandardCharsets.UTF_16BE,
                    StandardCharsets.UTF_16LE}) {
                    assertThat(indexOf(content, secret.getBytes(cs))).as(f + " holds the secret in " + cs)
                            .isEqualTo(-1);
                }
                scanned++;
            }
        }
        assertThat(scanned).as("files scanned under " + dir).isPositive();
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
