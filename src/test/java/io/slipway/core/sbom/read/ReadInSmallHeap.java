package io.slipway.core.sbom.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * Child-JVM entry point for BigSbomTest: reads one file (args: FILE [AUTO|FAST|LIBRARY|TREE]) and prints counts
 * and peak heap. TREE is a bare Jackson readTree, for contrast.
 */
public final class ReadInSmallHeap {
    private ReadInSmallHeap() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[1].equals("TREE")) {
            JsonNode tree = new ObjectMapper().readTree(Path.of(args[0]).toFile());
            System.out.println("tree packages=" + tree.path("packages").size());
            return;
        }
        SbomReader.Engine engine = args.length > 1 ? SbomReader.Engine.valueOf(args[1]) : SbomReader.Engine.AUTO;
        try {
            SbomDocument doc = SbomReader.read(Path.of(args[0]), engine);
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("packages=%d relationships=%d warnings=%d maxHeapMB=%d peakHeapMB=%d%n",
                    doc.packages().size(), doc.relationships().size(), doc.warnings().size(),
                    Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
        } catch (SbomReadException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }
}
