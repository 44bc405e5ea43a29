package io.slipway.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ContextBufferTest {
    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new SplittableRandom(n).nextBytes(b);
        return b;
    }

    private static List<Path> tempContexts() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("slipway-context-")).toList();
        }
    }

    @Test
    void aSmallContextStaysInMemory() throws Exception {
        byte[] data = random(100_000);
        List<Path> before = tempContexts();
        try (ContextBuffer buf = new ContextBuffer(1 << 20)) {
            buf.write(data, 0, 40_000);
            buf.write(data, 40_000, 60_000);
            assertThat(buf.spilled()).isFalse();
            assertThat(tempContexts()).isEqualTo(before);
            try (InputStream in = buf.open()) {
                assertThat(in.readAllBytes()).isEqualTo(data);
            }
        }
    }

    @Test
    void aLargeContextSpillsToAFileThatIsDeletedOnClose() throws Exception {
        byte[] data = random(300_000);
        List<Path> before = tempContexts();
        try (ContextBuffer buf = new ContextBuffer(128 << 10)) {
            for (int off = 0; off < data.length; off += 10_000) {
                buf.write(data, off, 10_000);
            }
            buf.write(7);
            assertThat(buf.spilled()).isTrue();
            assertThat(tempContexts()).hasSize(before.size() + 1);
            try (InputStream in = buf.open()) {
                byte[] read = in.readAllBytes();
                assertThat(read).hasSize(data.length + 1);
                assertThat(java.util.Arrays.copyOf(read, data.length)).isEqualTo(data);
                assertThat(read[data.length]).isEqualTo((byte) 7);
            }
        }
        assertThat(tempContexts()).isEqualTo(before);
    }
}
