package io.slipway.it;

import io.slipway.core.SlipwayCore;
import io.slipway.core.common.Cancellation;
import io.slipway.core.deploy.DeployListener;
import io.slipway.core.deploy.DeployRequest;
import io.slipway.core.deploy.DeploySummary;
import io.slipway.core.deploy.NodeDeployState;
import io.slipway.core.deploy.NodeOutcome;
import io.slipway.core.engine.EngineClient;
import io.slipway.core.engine.EngineEndpoint;
import io.slipway.core.engine.EngineTimeouts;
import io.slipway.core.engine.TransferListener;
import io.slipway.core.inventory.Node;
import io.slipway.core.inventory.NodeSpec;
import io.slipway.core.registry.RegistryAccess;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The deploy benchmarks, run by {@code scripts/bench-deploy.sh} against the running test environment (plus the extra
 * podman nodes the script starts, in {@code SLIPWAY_BENCH_EXTRA_NODES}):
 * <ol>
 *   <li>re-deploy of the current version to 8 nodes, all skips: wall time (target &lt; 1 s);</li>
 *   <li>orchestration overhead per node of a full deploy: time outside engine/registry calls (target &lt; 5 %);</li>
 *   <li>push of a ~200 MB image through the engine API vs {@code podman push} of an image of the same size to the
 *       same registry (target ≤ 1.1×), and an unchanged re-push (target ≤ 5 % of the first).</li>
 * </ol>
 */
public final class DeployBench {
    private static final int NODES = 8;

    private DeployBench() {
    }

    public static void main(String[] args) throws Exception {
        int reps = Integer.parseInt(System.getenv().getOrDefault("SLIPWAY_BENCH_REPS", "5"));
        long pushBytes = Long.parseLong(System.getenv().getOrDefault("SLIPWAY_BENCH_PUSH_MB", "200")) * 1_000_000L;
        List<String> endpoints = new ArrayList<>(TestEnvironment.nodes());
        String extra = System.getenv("SLIPWAY_BENCH_EXTRA_NODES");
        if (extra != null && !extra.isBlank()) {
            endpoints.addAll(List.of(extra.split(",")));
        }
        if (endpoints.size() < NODES) {
            throw new IllegalStateException("need " + NODES + " engine nodes, have " + endpoints.size()
                    + " (scripts/bench-deploy.sh starts the extra ones)");
        }
        StringBuilder report = new StringBuilder();
        Path ws = Files.createTempDirectory("slipway-bench-ws");
        // the node workers (8 at once at most) and the deploy's workspace writer, as the CLI and the console give them
        ExecutorService pool = Executors.newFixedThreadPool(NODES + 1);
        RegistryAccess registry;
        try (SlipwayCore core = SlipwayCore.open(ws, Optional.empty())) {
            for (int i = 0; i < NODES; i++) {
                core.inventory().add(new NodeSpec("b" + (i + 1), endpoints.get(i), null, List.of("bench"), Map.of(), ""));
            }
            List<Node> nodes = core.inventory().all();
            registry = DeploySupport.testRegistry(core, TestEnvironment.registryPassword());
            String software = DeploySupport.uniqueSoftware("bench");
            DeployFixtures.publish(software, "0.9", DeployFixtures.Variant.NORMAL);
            DeployFixtures.publish(software, "1.0", DeployFixtures.Variant.NORMAL);
            DeployRequest request = DeployRequest.of(software, "1.0", nodes).withParallelism(NODES);

            // full deploys: overhead per node, first in a fresh JVM (class loading, JIT), then warm
            report.append(fullDeploy(core, DeployRequest.of(software, "0.9", nodes).withParallelism(NODES), registry,
                    pool, "8 at once, first deploy in a fresh JVM"));
            report.append(fullDeploy(core, request, registry, pool, "8 at once, warm JVM (as in a running console)"));
            // the same, forced, 2 at once: on this 2-core machine the 8 engines, the registry and Slipway share the
            // CPUs, so time Slipway's threads wait for a CPU counts as its overhead; less parallelism shows how much
            report.append(fullDeploy(core, request.withForced(true).withParallelism(2), registry, pool,
                    "warm JVM, forced rebuild, 2 at once"));

            // re-deploy: all skips
            List<Double> skipWall = new ArrayList<>();
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                DeploySummary again = core.deployService().start(request, registry, pool, DeployListener.NONE)
                        .await(Duration.ofMinutes(2));
                skipWall.add((System.nanoTime() - t0) / 1e6);
                if (!again.nodes().stream().allMatch(o -> o.state() == NodeDeployState.SKIPPED)) {
                    throw new IllegalStateException("re-deploy did not skip: " + DeploySupport.describe(again));
                }
            }
            report.append(String.format("## Re-deploy of the current version to %d nodes (all skipped), %d runs%n",
                    NODES, reps));
            report.append(String.format("wall ms: %s; median %.0f ms (target < 1000 ms)%n%n", fmt(skipWall),
                    median(skipWall)));
        } finally {
            pool.shutdownNow();
        }

        if (pushBytes > 0) {
            // the access hands out engine credentials without the (closed) workspace
            report.append(pushBench(endpoints.get(0), registry, pushBytes, Math.max(3, reps / 2 + 1)));
        }
        System.out.println();
        System.out.println(report);
        String out = System.getenv("SLIPWAY_BENCH_REPORT");
        if (out != null) {
            Files.writeString(Path.of(out), report.toString());
        }
    }

    private static String fullDeploy(SlipwayCore core, DeployRequest request, RegistryAccess registry,
                                     ExecutorService pool, String what) throws Exception {
        DeploySummary full = core.deployService().start(request, registry, pool, DeployListener.NONE)
                .await(Duration.ofMinutes(15));
        if (!full.allSucceeded()) {
            throw new IllegalStateException("full deploy failed: " + DeploySupport.describe(full));
        }
        StringBuilder report = new StringBuilder();
        report.append(String.format("## Full deploy of %s@%s to %d nodes, %s%n", request.software(),
                request.version(), NODES, what));
        report.append(String.format("wall %.2f s%n", full.duration().toMillis() / 1000.0));
        report.append("| node | total ms | engine+registry ms | orchestration ms | overhead |\n|---|---|---|---|---|\n");
        List<Double> shares = new ArrayList<>();
        for (NodeOutcome o : full.nodes()) {
            shares.add(o.overheadShare());
            report.append(String.format("| %s | %d | %d | %d | %.1f %% |%n", o.node(), o.duration().toMillis(),
                    o.engineTime().toMillis(), o.duration().minus(o.engineTime()).toMillis(), 100 * o.overheadShare()));
        }
        report.append(String.format("overhead per node: median %.1f %%, max %.1f %% (target < 5 %%)%n%n",
                100 * median(shares), 100 * Collections.max(shares)));
        return report.toString();
    }

    /** Slipway (engine API) push vs podman push, on the first (podman) node, alternating which goes first. */
    private static String pushBench(String endpoint, RegistryAccess registry, long bytes, int reps) throws Exception {
        String node = DeploySupport.nodeName(endpoint);
        Path state = TestEnvControl.stateDir().resolve(node);
        Path authFile = Files.createTempFile("bench-auth", ".json",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        String token = Base64.getEncoder().encodeToString((TestEnvironment.registryUser() + ":"
                + TestEnvironment.registryPassword()).getBytes(StandardCharsets.UTF_8));
        Files.writeString(authFile, "{\"auths\":{\"" + TestEnvironment.registry() + "\":{\"auth\":\"" + token + "\"}}}");
        List<Double> slipway = new ArrayList<>();
        List<Double> podman = new ArrayList<>();
        List<Double> repush = new ArrayList<>();
        String tag = Long.toString(System.currentTimeMillis(), 36);
        try (EngineClient engine = EngineClient.connect(EngineEndpoint.of(endpoint), EngineTimeouts.DEPLOY)) {
            for (int r = 0; r < reps; r++) {
                String a = TestEnvironment.registry() + "/bench/push-slipway:" + tag + "-" + r;
                String b = TestEnvironment.registry() + "/bench/push-podman:" + tag + "-" + r;
                buildRandomImage(engine, a, bytes, r * 2L);
                buildRandomImage(engine, b, bytes, r * 2L + 1);
                Runnable viaSlipway = () -> {
                    long t0 = System.nanoTime();
                    engine.push(a, registry.engineCredentials(), TransferListener.NONE, Cancellation.none());
                    slipway.add((System.nanoTime() - t0) / 1e6);
                };
                Runnable viaPodman = () -> {
                    long t0 = System.nanoTime();
                    run(List.of("podman", "--root", state.resolve("root").toString(), "--runroot",
                            state.resolve("run").toString(), "push", "--quiet", "--authfile", authFile.toString(), b));
                    podman.add((System.nanoTime() - t0) / 1e6);
                };
                if (r % 2 == 0) {
                    viaSlipway.run();
                    viaPodman.run();
                } else {
                    viaPodman.run();
                    viaSlipway.run();
                }
                long t0 = System.nanoTime();
                engine.push(a, registry.engineCredentials(), TransferListener.NONE, Cancellation.none());
                repush.add((System.nanoTime() - t0) / 1e6);
                engine.removeImage(a, true);
                engine.removeImage(b, true);
            }
        } finally {
            Files.deleteIfExists(authFile);
        }
        double s = median(slipway);
        double p = median(podman);
        double re = median(repush);
        return String.format("## Push of a %d MB image from node %s (podman service), %d runs, order alternating%n"
                        + "Slipway (engine API push) ms: %s; median %.0f%n"
                        + "podman push (CLI, same node storage, same registry; includes ~0.2 s CLI start) ms: %s; median %.0f%n"
                        + "ratio Slipway / podman: %.2f (target <= 1.10)%n"
                        + "unchanged re-push ms: %s; median %.0f = %.1f %% of the first push (target <= 5 %%)%n",
                bytes / 1_000_000, node, reps, fmt(slipway), s, fmt(podman), p, s / p, fmt(repush), re, 100 * re / s);
    }

    /** FROM scratch + one file of {@code bytes} random bytes: an incompressible single-layer image. */
    private static void buildRandomImage(EngineClient engine, String tag, long bytes, long seed) throws IOException {
        Path ctx = Files.createTempFile("bench-ctx", ".tar");
        try {
            try (OutputStream f = new BufferedOutputStream(Files.newOutputStream(ctx), 1 << 20);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(f)) {
                byte[] df = "FROM scratch\nCOPY blob.bin /blob.bin\n".getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry("Dockerfile");
                e.setSize(df.length);
                tar.putArchiveEntry(e);
                tar.write(df);
                tar.closeArchiveEntry();
                TarArchiveEntry blob = new TarArchiveEntry("blob.bin");
                blob.setSize(bytes);
                tar.putArchiveEntry(blob);
                SplittableRandom rnd = new SplittableRandom(System.nanoTime() ^ seed);
                byte[] buf = new byte[1 << 20];
                for (long left = bytes; left > 0; left -= buf.length) {
                    for (int i = 0; i < buf.length; i += 8) {
                        long v = rnd.nextLong();
                        for (int k = 0; k < 8; k++) {
                            buf[i + k] = (byte) (v >>> (8 * k));
                        }
                    }
                    tar.write(buf, 0, (int) Math.min(buf.length, left));
                }
                tar.closeArchiveEntry();
                tar.finish();
            }
            engine.buildImage(ctx, tag, Map.of("io.slipway.bench", "push"), (l, err) -> { }, Cancellation.none());
        } finally {
            Files.deleteIfExists(ctx);
        }
    }

    private static void run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd.subList(0, 3)) + " ... failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static String fmt(List<Double> values) {
        return values.stream().map(v -> String.format("%.0f", v)).toList().toString();
    }
}
