package io.slipway.it;

import io.slipway.core.SlipwayCore;
import io.slipway.core.deploy.DeployRequest;
import io.slipway.core.deploy.NodeDeployRecord;
import io.slipway.core.inventory.Node;
import io.slipway.core.store.Jdbc;
import io.slipway.core.upgrade.OfferSources;
import io.slipway.core.upgrade.RunState;
import io.slipway.core.upgrade.UpgradeDiff;
import io.slipway.core.upgrade.UpgradeOffer;
import io.slipway.core.upgrade.UpgradeSummary;
import io.slipway.core.upgrade.UpgradeTargetRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The upgrade benchmarks, run by {@code scripts/bench-upgrade.sh}:
 * <ol>
 *   <li>diff of 1,000 nodes × 500 software (a synthetic inventory in a workspace): compute time (target &lt; 200 ms),
 *       and with reading the nodes from the workspace;</li>
 *   <li>orchestration overhead per target of a 3-node upgrade: time outside engine/registry calls and outside the
 *       watch window's waiting, as a share of the target's time (target &lt; 5 %);</li>
 *   <li>a 3-node single-wave upgrade: wall time vs the slowest target's own build + push + watch (target ≤ 1.1×).</li>
 * </ol>
 * The last two need the test environment; {@code diff} as the only argument runs the first alone.
 */
public final class UpgradeBench {
    private UpgradeBench() {
    }

    public static void main(String[] args) throws Exception {
        int reps = Integer.parseInt(System.getenv().getOrDefault("SLIPWAY_BENCH_REPS", "5"));
        StringBuilder report = new StringBuilder();
        report.append(diffBench(Math.max(7, reps)));
        System.out.print(report);
        if (!(args.length > 0 && args[0].equals("diff"))) {
            report.append(upgradeBench(reps));
        }
        System.out.println();
        System.out.println(report);
        String out = System.getenv("SLIPWAY_BENCH_REPORT");
        if (out != null) {
            Files.writeString(Path.of(out), report.toString());
        }
    }

    private static String diffBench(int reps) throws Exception {
        int nodeCount = 1_000;
        int softwareCount = 500;
        Path ws = Files.createTempDirectory("slipway-bench-upgrade");
        SplittableRandom rnd = new SplittableRandom(9);
        try (SlipwayCore core = SlipwayCore.open(ws, Optional.empty())) {
            // the synthetic inventory: every node has most of the 500 software at one of a few versions
            Jdbc jdbc = core.workspace().jdbc();
            jdbc.inTransaction(c -> {
                for (int n = 0; n < nodeCount; n++) {
                    Jdbc.update(c, "INSERT INTO node (name, endpoint) VALUES (?, ?)", "node-" + n,
                            "unix:///tmp/bench-" + n + ".sock");
                }
                List<Long> ids = Jdbc.query(c, "SELECT id FROM node ORDER BY id", rs -> rs.getLong(1));
                try (var ps = c.prepareStatement("INSERT INTO installed_software (node_id, software, version) "
                        + "VALUES (?, ?, ?)")) {
                    for (long id : ids) {
                        for (int s = 0; s < softwareCount; s++) {
                            if (rnd.nextInt(10) == 0) {
                                continue; // not installed here
                            }
                            ps.setLong(1, id);
                            ps.setString(2, "sw-" + s);
                            ps.setString(3, "1." + rnd.nextInt(4) + "." + rnd.nextInt(3));
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                return null;
            });
            Map<String, String> offered = new TreeMap<>();
            for (int s = 0; s < softwareCount; s++) {
                offered.put("sw-" + s, "1.2." + rnd.nextInt(3));
            }
            UpgradeOffer offer = core.upgradeService().addOffer(new OfferSources.Draft("bench", offered, "bench"));
            List<Double> compute = new ArrayList<>();
            List<Double> withLoad = new ArrayList<>();
            long targets = 0;
            for (int i = 0; i < reps + 2; i++) {
                long t0 = System.nanoTime();
                List<Node> nodes = core.nodes().all();
                long t1 = System.nanoTime();
                UpgradeDiff diff = UpgradeDiff.of(offer, nodes);
                long t2 = System.nanoTime();
                targets = diff.targetCount();
                if (i >= 2) { // two warm-up rounds
                    compute.add((t2 - t1) / 1e6);
                    withLoad.add((t2 - t0) / 1e6);
                }
            }
            return String.format("## Diff of %,d nodes × %d software (%,d targets), %d runs after 2 warm-up%n"
                            + "compute ms: %s; median %.1f ms (target < 200 ms)%n"
                            + "reading the nodes from the workspace + compute ms: %s; median %.1f ms%n%n",
                    nodeCount, softwareCount, targets, reps, DeployBench.fmt(compute), DeployBench.median(compute),
                    DeployBench.fmt(withLoad), DeployBench.median(withLoad));
        }
    }

    private static String upgradeBench(int reps) throws Exception {
        Path ws = Files.createTempDirectory("slipway-bench-upgrade-run");
        List<Double> ratios = new ArrayList<>();
        List<Double> overheads = new ArrayList<>();
        StringBuilder rows = new StringBuilder("| run | wall s | slowest target s | ratio | overhead per target |\n"
                + "|---|---|---|---|---|\n");
        try (DeploySupport s = new DeploySupport(ws)) {
            String sw = DeploySupport.uniqueSoftware("ubench");
            DeployFixtures.publish(sw, "1.0.0", DeployFixtures.Variant.NORMAL);
            s.deploy(DeployRequest.of(sw, "1.0.0", s.nodes()).withParallelism(3));
            for (int i = 1; i <= reps; i++) {
                String version = "1." + i + ".0";
                DeployFixtures.publish(sw, version, DeployFixtures.Variant.NORMAL, UpgradeSupport.healthy(sw));
                UpgradeOffer offer = UpgradeSupport.offer(s, "bench-" + i, Map.of(sw, version));
                UpgradeSummary sum = UpgradeSupport.run(s, UpgradeSupport.request(offer, s.nodes(), "100%"), e -> { });
                if (sum.state() != RunState.FINISHED || sum.exitCode() != 0) {
                    throw new IllegalStateException(UpgradeSupport.describe(sum));
                }
                long slowest = 0;
                List<Double> shares = new ArrayList<>();
                for (UpgradeTargetRecord t : sum.targets()) {
                    NodeDeployRecord d = s.core.deploys().find(t.deployId()).orElseThrow().nodes().stream()
                            .filter(n -> n.node().equals(t.node())).findFirst().orElseThrow();
                    slowest = Math.max(slowest, t.durationMs());
                    long waited = t.evidence() == null ? 0 : t.evidence().waitedMs();
                    long own = t.durationMs() - d.engineMs() - waited;
                    shares.add(Math.max(0, own) / (double) (t.durationMs() - waited));
                }
                double ratio = sum.duration().toMillis() / (double) slowest;
                ratios.add(ratio);
                overheads.addAll(shares);
                rows.append(String.format("| %d | %.2f | %.2f | %.3f | %s |%n", i, sum.duration().toMillis() / 1000.0,
                        slowest / 1000.0, ratio, shares.stream().map(x -> String.format("%.1f %%", 100 * x)).toList()));
            }
        }
        return String.format("## 3-node single-wave upgrade (watch %d s, health command), %d runs%n%s"
                        + "wall / slowest target: median %.3f×, max %.3f× (target ≤ 1.1×)%n"
                        + "orchestration overhead per target (outside engine/registry calls and the watch's waiting): "
                        + "median %.1f %%, max %.1f %% (target < 5 %%)%n",
                UpgradeSupport.WATCH.toSeconds(), reps, rows, DeployBench.median(ratios), Collections.max(ratios),
                100 * DeployBench.median(overheads), 100 * Collections.max(overheads));
    }

}
