package io.slipway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slipway.core.sbom.read.SbomDocument;
import io.slipway.core.sbom.read.SbomReader;
import io.slipway.core.sbom.read.SpdxOffline;
import io.slipway.core.sbom.read.SyntheticSpdx;
import io.slipway.testsupport.SharedDir;
import java.io.InputStream;
import java.lang.ref.Reference;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spdx.jacksonstore.MultiFormatStore;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.storage.simple.InMemSpdxStore;

/**
 * Time to a browsable model for large SPDX JSON: a bare Jackson {@code readTree}, Slipway's streaming reader
 * ({@code SbomReader} FAST: detect + parse + validate + tags), spdx-java-library's load + package enumeration
 * (as in ENVIRONMENT.md) and spdx-java-library all the way to the same browsable model. Documents of 10k and 50k
 * packages are built deterministically from the real packages of shared/corpus/spdx (SyntheticSpdx).
 *
 * <p>Per reader: warm-up runs, then timed runs; prints the median (and min/max), the ratio to readTree, the heap
 * the result retains (used heap after GC with the result alive, minus before) and the bytes allocated per read
 * (HotSpot's per-thread allocation counter). Run with {@code scripts/bench-sbom.sh}.
 *
 * <p>Arguments: {@code [sizes, default 10000,50000] [timed runs, default 7] [warm-ups, default 3] [work dir]}.
 */
public final class SbomReadBench {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SbomReadBench() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "10000,50000").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int libraryRuns = Math.max(3, runs / 3);
        Path work = Path.of(args.length > 3 ? args[3] : System.getProperty("java.io.tmpdir"), "slipway-sbom-bench");
        Files.createDirectories(work);
        SpdxOffline.init();

        List<ObjectNode> packages = SyntheticSpdx.corpusPackages(SharedDir.spdxCorpus());
        System.out.printf(Locale.ROOT, "SBOM read benchmark: JDK %s, %d cores, heap %d MB; %d real packages from %d "
                        + "corpus files; %d warm-ups, %d timed runs (spdx-java-library: %d); load average %.1f%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, packages.size(), SharedDir.spdxCorpus().size(), warmups, runs,
                libraryRuns, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int size : sizes) {
            Path file = work.resolve("spdx-" + size + ".json");
            SyntheticSpdx.writeFromPackages(file, packages, size);
            SbomDocument check = SbomReader.read(file, SbomReader.Engine.FAST);
            System.out.printf(Locale.ROOT, "%n== %,d packages, %,d relationships, %.1f MB: %s%n", check.packages().size(),
                    check.relationships().size(), Files.size(file) / 1e6, file);
            Path defective = work.resolve("spdx-" + size + "-defective.json");
            BenchDocuments.writeDefective(file, defective, size / 10, size / 50);
            SbomDocument bad = SbomReader.read(defective, SbomReader.Engine.FAST);
            System.out.printf(Locale.ROOT, "   defective copy: %,d packages, %d error findings: %s%n",
                    bad.packages().size(), bad.errors().size(), defective);
            Map<String, Callable<Object>> quick = new LinkedHashMap<>();
            quick.put("Jackson readTree", () -> MAPPER.readTree(file.toFile()));
            quick.put("Jackson streaming, every token", () -> BenchDocuments.jacksonStreamingPass(file));
            quick.put("Slipway streaming -> browsable model", () -> SbomReader.read(file, SbomReader.Engine.FAST));
            quick.put(DEFECTIVE, () -> SbomReader.read(defective, SbomReader.Engine.FAST));
            Map<String, Callable<Object>> library = new LinkedHashMap<>();
            if (!"0".equals(System.getenv("BENCH_LIBRARY"))) { // BENCH_LIBRARY=0: skip the slow library rows
                library.put("spdx-java-library load + enumerate packages", () -> libraryLoad(file));
                library.put("spdx-java-library -> browsable model", () -> SbomReader.read(file,
                        SbomReader.Engine.LIBRARY));
            }

            // the quick readers alternate run by run, so load from other processes hits both alike
            Map<String, double[]> times = interleaved(quick, warmups, runs);
            if (!library.isEmpty()) {
                times.putAll(interleaved(library, Math.max(1, Math.min(3, warmups / 2)), libraryRuns));
            }
            Map<String, Callable<Object>> all = new LinkedHashMap<>(quick);
            all.putAll(library);
            double tree = median(times.get("Jackson readTree"));
            System.out.printf(Locale.ROOT, "%-44s %10s %17s %8s %12s %13s%n", "reader", "median ms", "(min-max)",
                    "x tree", "retained MB", "allocated MB");
            for (Map.Entry<String, Callable<Object>> r : all.entrySet()) {
                double[] t = times.get(r.getKey());
                long[] heap = heap(r.getValue());
                System.out.printf(Locale.ROOT, "%-44s %10.1f %17s %8.2f %12.1f %13.1f%n", r.getKey(), median(t),
                        String.format(Locale.ROOT, "(%.0f-%.0f)", min(t), max(t)), median(t) / tree,
                        heap[0] / 1e6, heap[1] / 1e6);
            }
            double[] fast = times.get("Slipway streaming -> browsable model");
            System.out.printf(Locale.ROOT, "ratio streaming/readTree: %.2f on medians, %.2f median of paired runs "
                    + "(target <= 1.5)%n", median(fast) / tree, pairedRatio(fast, times.get("Jackson readTree")));
            double[] bare = times.get("Jackson streaming, every token");
            System.out.printf(Locale.ROOT, "ratio streaming/bare Jackson streaming: %.2f on medians, %.2f paired "
                    + "(aim <= 1.5)%n", median(fast) / median(bare), pairedRatio(fast, bare));
            double[] defects = times.get(DEFECTIVE);
            System.out.printf(Locale.ROOT, "ratio defective/clean: %.2f on medians, %.2f paired (target <= 1.2)%n",
                    median(defects) / median(fast), pairedRatio(defects, fast));
        }
        cycloneDxXml(work, runs, warmups);
    }

    private static final String DEFECTIVE = "Slipway streaming, 10% dangling + 2% dup ids";

    /** CycloneDX XML of 10k real components through Slipway's reader against the JDK's bare StAX pass. */
    private static void cycloneDxXml(Path work, int runs, int warmups) throws Exception {
        Path xml = work.resolve("cyclonedx-10000.xml");
        BenchDocuments.writeCycloneDxXml(SharedDir.corpus("cyclonedx").stream()
                .filter(p -> p.toString().endsWith(".json")).toList(), xml, 10_000);
        SbomDocument check = SbomReader.read(xml);
        System.out.printf(Locale.ROOT, "%n== CycloneDX XML: %,d components, %,d relationships, %.1f MB: %s%n",
                check.packages().size(), check.relationships().size(), Files.size(xml) / 1e6, xml);
        Map<String, Callable<Object>> readers = new LinkedHashMap<>();
        readers.put("JDK StAX, every event", () -> BenchDocuments.staxPass(xml));
        readers.put("Slipway -> browsable model", () -> SbomReader.read(xml));
        Map<String, double[]> times = interleaved(readers, warmups, runs);
        double[] stax = times.get("JDK StAX, every event");
        double[] slipway = times.get("Slipway -> browsable model");
        for (Map.Entry<String, double[]> t : times.entrySet()) {
            System.out.printf(Locale.ROOT, "%-44s %10.1f ms median (%.0f-%.0f)%n", t.getKey(), median(t.getValue()),
                    min(t.getValue()), max(t.getValue()));
        }
        System.out.printf(Locale.ROOT, "ratio Slipway/StAX: %.2f on medians, %.2f paired (target <= 2)%n",
                median(slipway) / median(stax), pairedRatio(slipway, stax));
    }

    private static Map<String, double[]> interleaved(Map<String, Callable<Object>> readers, int warmups, int runs)
            throws Exception {
        for (int i = 0; i < warmups; i++) {
            for (Callable<Object> r : readers.values()) {
                r.call();
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        readers.keySet().forEach(k -> out.put(k, new double[runs]));
        List<String> order = new ArrayList<>(readers.keySet());
        for (int i = 0; i < runs; i++) {
            for (int j = 0; j < order.size(); j++) {
                String name = order.get((i + j) % order.size()); // alternate who goes first
                gc();
                long t0 = System.nanoTime();
                Object result = readers.get(name).call();
                out.get(name)[i] = (System.nanoTime() - t0) / 1e6;
                Reference.reachabilityFence(result);
            }
        }
        return out;
    }

    /** Median of a[i]/b[i] over runs done side by side. */
    private static double pairedRatio(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] / b[i];
        }
        return median(r);
    }

    private static double min(double[] t) {
        return Arrays.stream(t).min().orElse(0);
    }

    private static double max(double[] t) {
        return Arrays.stream(t).max().orElse(0);
    }

    private static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /**
     * {retained, allocated}: used heap after GC with one result alive minus without it; bytes this thread
     * allocated producing it.
     */
    private static long[] heap(Callable<Object> reader) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        long a0 = threads.getThreadAllocatedBytes(tid);
        Object keep = reader.call();
        long allocated = threads.getThreadAllocatedBytes(tid) - a0;
        gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        Reference.reachabilityFence(keep);
        return new long[] {after - before, allocated};
    }

    /** As measured in ENVIRONMENT.md: deserialize, then enumerate the packages. */
    private static Object libraryLoad(Path file) throws Exception {
        MultiFormatStore store = new MultiFormatStore(new InMemSpdxStore(), MultiFormatStore.Format.JSON);
        SpdxDocument doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = store.deSerialize(in, false);
        }
        List<?> pkgs = SpdxModelFactory.getSpdxObjects(store, null, "Package", null, doc.getDocumentUri()).toList();
        return List.of(store, pkgs);
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }
}
