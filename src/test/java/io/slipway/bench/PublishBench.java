package io.slipway.bench;

import io.slipway.core.SlipwayCore;
import io.slipway.core.common.Json;
import io.slipway.core.sbom.release.GateResult;
import io.slipway.core.sbom.release.LoadedRelease;
import io.slipway.core.sbom.release.PublishProgress;
import io.slipway.core.sbom.release.PublishResult;
import io.slipway.core.sbom.release.ReleasePolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Benchmark (not a test): publishing a release with N files per component against {@code cp -r} +
 * {@code sha256sum} of the same tree. Run with scripts/bench-publish.sh. Prints medians and the throughput ratio
 * on the same tree (cp+sha256sum median time / Slipway median time; the target is at least 0.7). Both run
 * interleaved, after one untimed warm-up each, on a warm page cache.
 *
 * <p>Options: {@code --dir DIR} (work folder, default /tmp/slipway-bench-publish), {@code --components N} (10),
 * {@code --files N} per component (1000), {@code --runs N} (5), {@code --max-kib N} largest file (64).
 */
public final class PublishBench {
    private PublishBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        Path dir = Path.of(opt.getOrDefault("dir", "/tmp/slipway-bench-publish")).toAbsolutePath();
        int components = Integer.parseInt(opt.getOrDefault("components", "10"));
        int files = Integer.parseInt(opt.getOrDefault("files", "1000"));
        int runs = Integer.parseInt(opt.getOrDefault("runs", "5"));
        int maxKib = Integer.parseInt(opt.getOrDefault("max-kib", "64"));

        delete(dir);
        Files.createDirectories(dir);
        Path set = dir.resolve("release-set");
        long bytes = generateTree(set, components, files, maxKib);
        System.out.printf(Locale.ROOT, "tree: %d components x %d files = %d files, %.1f MiB (deterministic, seed 42)%n",
                components, files, components * files, bytes / 1048576.0);

        try (SlipwayCore core = SlipwayCore.open(dir.resolve("ws"), Optional.empty())) {
            long g0 = System.nanoTime();
            Path index = core.sbomRelease().generate(set, dir.resolve("sbom")).index();
            System.out.printf(Locale.ROOT, "sbom generate (not timed below): %.2f s%n", (System.nanoTime() - g0) / 1e9);

            // warm-up: one publish and one cp run, not counted
            publish(core, index, dir.resolve("warm"));
            cpSha(set, dir.resolve("warm-cp"));
            delete(dir.resolve("warm"));
            delete(dir.resolve("warm-cp"));

            List<Double> slipway = new ArrayList<>();
            List<Double> loadOnly = new ArrayList<>();
            List<Double> cp = new ArrayList<>();
            PublishResult last = null;
            for (int i = 0; i < runs; i++) {
                Path out = dir.resolve("out-" + i);
                long t0 = System.nanoTime();
                long[] loadNs = new long[1];
                last = publish(core, index, out, loadNs);
                slipway.add((System.nanoTime() - t0) / 1e9);
                loadOnly.add(loadNs[0] / 1e9);
                delete(out);

                Path cpOut = dir.resolve("cp-" + i);
                long c0 = System.nanoTime();
                cpSha(set, cpOut);
                cp.add((System.nanoTime() - c0) / 1e9);
                delete(cpOut);
            }
            double s = median(slipway);
            double c = median(cp);
            System.out.printf(Locale.ROOT, "slipway publish (load+gate+plan+copy+hash+index+NOTICE+SHA256SUMS): median %.3f s "
                    + "over %d runs %s; of which loading the SBOM: median %.3f s%n", s, runs, fmt(slipway), median(loadOnly));
            System.out.printf(Locale.ROOT, "cp -r + sha256sum:                                              median %.3f s "
                    + "over %d runs %s%n", c, runs, fmt(cp));
            System.out.printf(Locale.ROOT, "published %d files, %.1f MiB (the tree plus SPDX documents, index, NOTICE, "
                    + "SHA256SUMS)%n", last.files(), last.bytes() / 1048576.0);
            System.out.printf(Locale.ROOT, "throughput on the %.1f MiB tree: slipway %.1f MiB/s, cp+sha256sum %.1f MiB/s%n",
                    bytes / 1048576.0, bytes / 1048576.0 / s, bytes / 1048576.0 / c);
            System.out.printf(Locale.ROOT, "ratio (slipway throughput / cp+sha256sum throughput = cp time / slipway time) "
                    + "= %.2f  (target >= 0.70)%n", c / s);
        }
    }

    private static PublishResult publish(SlipwayCore core, Path index, Path out) {
        return publish(core, index, out, new long[1]);
    }

    private static PublishResult publish(SlipwayCore core, Path index, Path out, long[] loadNs) {
        long t0 = System.nanoTime();
        LoadedRelease release = core.sbomRelease().load(index, Optional.empty());
        ReleasePolicy policy = ReleasePolicy.defaultPolicy();
        GateResult gate = core.sbomRelease().gate(release, policy);
        loadNs[0] = System.nanoTime() - t0;
        if (gate.hasFail()) {
            throw new IllegalStateException("bench release fails the gate: " + gate.findings());
        }
        return core.sbomRelease().publish(release, policy, out, false, PublishProgress.NONE);
    }

    private static void cpSha(Path set, Path out) throws IOException, InterruptedException {
        String script = "cp -r \"$1\" \"$2\" && cd \"$2\" && find . -type f -print0 | sort -z | xargs -0 sha256sum > ../"
                + out.getFileName() + ".SHA256SUMS";
        Process p = new ProcessBuilder("sh", "-c", script, "sh", set.toString(), out.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("cp/sha256sum failed");
        }
        Files.deleteIfExists(out.resolveSibling(out.getFileName() + ".SHA256SUMS"));
    }

    /** Components alternate open-source / third-party / derivative (of the first), all mode 1, MIT. */
    private static long generateTree(Path set, int components, int files, int maxKib) throws IOException {
        SplittableRandom rnd = new SplittableRandom(42);
        List<Map<String, Object>> list = new ArrayList<>();
        long total = 0;
        byte[] buf = new byte[maxKib * 1024];
        for (int c = 0; c < components; c++) {
            String id = String.format(Locale.ROOT, "comp%02d", c);
            String type = c == 0 ? "open-source" : switch (c % 3) {
                case 0 -> "open-source";
                case 1 -> "third-party";
                default -> "derivative";
            };
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("name", id);
            m.put("version", "1." + c);
            m.put("type", type);
            m.put("mode", 1);
            m.put("native", type.equals("derivative") ? "comp00" : null);
            m.put("supplier", "Organization: Bench Corp");
            m.put("licence", "MIT");
            m.put("sourceDir", id + "/src");
            m.put("binaryDir", id + "/bin");
            list.add(m);
            Files.createDirectories(set.resolve(id));
            Files.writeString(set.resolve(id).resolve("LICENSE"), id + " is distributed under MIT.\n");
            for (int f = 0; f < files; f++) {
                boolean binary = f % 10 == 9;
                Path p = set.resolve(id).resolve(binary ? "bin" : "src").resolve("d" + (f % 20))
                        .resolve((binary ? "lib" : "f") + f + (binary ? ".so" : ".c"));
                Files.createDirectories(p.getParent());
                int size = 512 + rnd.nextInt(buf.length - 512);
                if (binary) {
                    for (int i = 0; i < size; i++) {
                        buf[i] = (byte) rnd.nextInt(256);
                    }
                } else {
                    byte[] header = ("// SPDX-License-Identifier: MIT\n// Copyright (c) 2026 Bench Corp\n")
                            .getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(header, 0, buf, 0, header.length);
                    for (int i = header.length; i < size; i++) {
                        buf[i] = (byte) (i % 64 == 63 ? '\n' : 'a' + rnd.nextInt(26));
                    }
                }
                try (OutputStream os = Files.newOutputStream(p)) {
                    os.write(buf, 0, size);
                }
                total += size;
            }
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", "bench");
        manifest.put("version", "1.0");
        manifest.put("components", list);
        Files.writeString(set.resolve("release-set.json"), Json.MAPPER.writeValueAsString(manifest));
        return total;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static String fmt(List<Double> xs) {
        return xs.stream().map(x -> String.format(Locale.ROOT, "%.3f", x)).toList().toString();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value pairs, got " + args[i]);
            }
            m.put(args[i].substring(2), args[i + 1]);
        }
        return m;
    }

    private static void delete(Path dir) throws IOException {
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
    }
}
