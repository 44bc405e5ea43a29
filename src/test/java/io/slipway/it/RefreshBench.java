package io.slipway.it;

import io.slipway.core.SlipwayCore;
import io.slipway.core.inventory.NodeInventory;
import io.slipway.core.inventory.NodeSpec;
import io.slipway.core.inventory.ProbeResult;
import io.slipway.testsupport.BlackHole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Refresh of a big inventory with a dead rack in it (issue 10): 1,000 node entries, 90 % aliases of the test
 * engines and 10 % black holes (listening sockets that never answer), spread through the list. Prints the wall
 * time per run, the median, the dead nodes' share as ceil(dead / parallel) x timeout, and the false-unreachable
 * count (live entries reported unreachable; must be 0). Run by scripts/bench-refresh.sh.
 */
public final class RefreshBench {
    private RefreshBench() {
    }

    public static void main(String[] args) throws Exception {
        int entries = Integer.getInteger("entries", 1000);
        int parallel = Integer.getInteger("parallel", 16);
        int reps = Integer.getInteger("reps", 3);
        Duration timeout = Duration.ofSeconds(Integer.getInteger("timeout", 8));
        List<String> engines = TestEnvironment.nodes();
        Path ws = Files.createTempDirectory("slipway-refresh-bench");
        List<Double> walls = new ArrayList<>();
        long falseUnreachable = 0;
        try (BlackHole hole = BlackHole.open(); SlipwayCore core = SlipwayCore.open(ws, Optional.empty())) {
            NodeInventory inv = core.inventory();
            int dead = 0;
            for (int i = 0; i < entries; i++) {
                boolean silent = i % 10 == 0;
                dead += silent ? 1 : 0;
                inv.add(new NodeSpec(String.format("node-%04d", i), silent ? hole.endpoint()
                        : engines.get(i % engines.size()), null, List.of(silent ? "dead" : "live"), Map.of(), ""));
            }
            System.out.printf("refresh of %d entries (%d black holes, %d aliases of %d engines), parallel %d, "
                    + "timeout %d s%n", entries, dead, entries - dead, engines.size(), parallel, timeout.toSeconds());
            for (int r = 0; r < reps; r++) {
                ExecutorService pool = Executors.newFixedThreadPool(parallel);
                try {
                    long t0 = System.nanoTime();
                    List<ProbeResult> results = inv.refresh(inv.all(), pool, timeout,
                            NodeInventory.RefreshListener.NONE).get(30, TimeUnit.MINUTES);
                    double wall = (System.nanoTime() - t0) / 1e9;
                    walls.add(wall);
                    long wrong = results.stream().filter(x -> !x.reachable() && inv.require(x.node()).inGroup("live"))
                            .peek(x -> System.out.println("  FALSE UNREACHABLE " + x.node() + ": " + x.reason()))
                            .count();
                    long deadWrong = results.stream().filter(x -> x.reachable() && inv.require(x.node()).inGroup("dead"))
                            .count();
                    falseUnreachable += wrong;
                    System.out.printf("run %d: wall %.1f s, false unreachable %d, dead reported reachable %d%n",
                            r + 1, wall, wrong, deadWrong);
                } finally {
                    pool.shutdownNow();
                }
            }
            double deadShare = Math.ceil((double) dead / parallel) * timeout.toSeconds();
            List<Double> sorted = walls.stream().sorted().toList();
            double median = sorted.get(sorted.size() / 2);
            System.out.printf("RESULT median wall %.1f s over %d run(s); dead rack's share ceil(%d/%d) x %d s = %.0f s "
                    + "(ratio wall/share %.2f); false unreachable total %d%n", median, reps, dead, parallel,
                    timeout.toSeconds(), deadShare, median / deadShare, falseUnreachable);
        }
        System.exit(falseUnreachable == 0 ? 0 : 1);
    }
}
