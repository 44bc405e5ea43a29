package io.slipway.core.sbom.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Huge inputs, generated at test time: bounded heap for a 200 MB file; no recursion on a 50k-long chain. */
class BigSbomTest {
    @TempDir
    Path tmp;

    /**
     * 200 MB of SPDX JSON read in a child JVM with a 256 MB heap: the streaming reader must not hold the file.
     * For contrast, a bare Jackson tree of the same file runs out of that heap.
     */
    @Test
    void a200MegabyteDocumentReadsInA256MegabyteHeap() throws Exception {
        Path big = tmp.resolve("big.spdx.json");
        int packages = SyntheticSpdx.writePadded(big, 212L << 20);
        assertThat(Files.size(big)).isGreaterThan(200L << 20);
        String output = runWithHeap("256m", big, "AUTO");
        assertThat(output).contains("packages=" + packages + " relationships=" + packages + " warnings=0")
                .doesNotContain("OutOfMemoryError");
        int peakMb = Integer.parseInt(output.replaceAll("(?s).*peakHeapMB=(\\d+).*", "$1"));
        assertThat(peakMb).as("peak heap while streaming 200 MB").isLessThan(128);
        assertThat(runWithHeap("256m", big, "TREE")).contains("OutOfMemoryError");
    }

    /** The library reader refuses a file it could not hold instead of running the JVM out of memory. */
    @Test
    void theLibraryReaderRefusesWhatWouldNotFitItsHeap() throws Exception {
        Path big = tmp.resolve("big.spdx.json");
        SyntheticSpdx.writePadded(big, 20L << 20);
        String output = runWithHeap("64m", big, "LIBRARY");
        assertThat(output).contains("refused: " + big + ": ").contains("is too large for spdx-java-library in this JVM")
                .contains(": use the streaming reader").doesNotContain("OutOfMemoryError");
    }

    private static String runWithHeap(String heap, Path file, String engine) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx" + heap, "-XX:+UseSerialGC",
                "-Dorg.spdx.useJARLicenseInfoOnly=true", "-cp", System.getProperty("java.class.path"),
                ReadInSmallHeap.class.getName(), file.toString(), engine).redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        if (!engine.equals("TREE")) {
            assertThat(p.exitValue()).as(output).isZero();
        }
        return output;
    }

    /**
     * A 50,000-long DEPENDS_ON chain closed into one cycle (tools-java's recursive verify overflows at ~1,300):
     * read and checked on a thread with a 256 KB stack, the cycle is one warning.
     */
    @Test
    void aFiftyThousandLongChainIsWalkedWithoutRecursion() throws Exception {
        Path chain = tmp.resolve("chain.spdx.json");
        SyntheticSpdx.writeChain(chain, 50_000, true);
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(SbomReader.read(chain));
            } catch (Throwable e) {
                result.set(e);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join(60_000);
        assertThat(result.get()).isInstanceOf(SbomDocument.class);
        SbomDocument doc = (SbomDocument) result.get();
        assertThat(doc.packages()).hasSize(50_000);
        assertThat(doc.warnings()).singleElement().extracting(ReadFinding::message).asString()
                .startsWith("relationship cycle: SPDXRef-0 DEPENDS_ON SPDXRef-1; SPDXRef-1 DEPENDS_ON SPDXRef-2;")
                .contains("; ... 49992 more (50000 relationships back to the start; reported, not fatal)");
    }
}
