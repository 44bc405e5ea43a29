package io.slipway.core.sbom.read;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/** Child-JVM entry point for BigSbomTest: reads one file (args: FILE [ENGINE]) and prints counts and peak heap. */
public final class ReadInSmallHeap {
    private ReadInSmallHeap() {
    }

    public static void main(String[] args) {
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
