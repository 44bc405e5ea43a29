package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.SlipwayCore;
import io.slipway.core.inventory.NodeInventory;
import io.slipway.core.inventory.NodeSpec;
import io.slipway.core.inventory.ProbeResult;
import io.slipway.testsupport.BlackHole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dead rack never makes the fleet look dead: silent nodes (real listening sockets that never answer) listed ahead
 * of the real engines cost their own pool slots and nothing more; every engine is reachable.
 */
class NodeDeadlinesIT {
    @TempDir
    Path tmp;

    @Test
    void silentNodesAheadOfLiveOnesCostTheirOwnSlotsOnly() throws Exception {
        int dead = 8;
        int parallel = 4;
        Duration timeout = Duration.ofSeconds(3);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try (BlackHole hole = BlackHole.open(); SlipwayCore core = SlipwayCore.open(tmp.resolve("ws"), Optional.empty())) {
            NodeInventory inv = core.inventory();
            for (int i = 0; i < dead; i++) {
                inv.add(new NodeSpec("a-dead-" + i, hole.endpoint(), null, List.of("rack"), Map.of(), ""));
            }
            List<String> engines = TestEnvironment.nodes();
            for (int i = 0; i < engines.size(); i++) {
                inv.add(new NodeSpec("z-live-" + i, engines.get(i), null, List.of("live"), Map.of(), ""));
            }
            assertThat(inv.all().get(0).name()).as("the silent nodes are probed first").startsWith("a-dead");

            long t0 = System.nanoTime();
            List<ProbeResult> results = inv.refresh(inv.all(), pool, timeout, NodeInventory.RefreshListener.NONE)
                    .get(2, TimeUnit.MINUTES);
            Duration wall = Duration.ofNanos(System.nanoTime() - t0);

            assertThat(results.stream().filter(r -> r.node().startsWith("z-live")))
                    .hasSize(engines.size()).allSatisfy(r -> assertThat(r.reachable()).as(r.reason()).isTrue());
            assertThat(results.stream().filter(r -> r.node().startsWith("a-dead"))).hasSize(dead).allSatisfy(r -> {
                assertThat(r.reachable()).isFalse();
                assertThat(r.reason()).contains("no answer within 3 s");
                // the deadline is measured from when the node was contacted, not from when it was queued
                assertThat(r.took()).isBetween(timeout.minusMillis(100), timeout.plusSeconds(2));
            });
            // the silent nodes cost ceil(dead / parallel) rounds of one timeout; the engines then take what they take
            // (seconds for a loaded podman's info), and nothing else waits
            long rounds = (dead + parallel - 1) / parallel;
            Duration slowestLive = results.stream().filter(ProbeResult::reachable).map(ProbeResult::took)
                    .max(Duration::compareTo).orElseThrow();
            assertThat(wall).as("ceil(dead / parallel) x timeout + the slowest engine (%s)", slowestLive)
                    .isLessThan(timeout.multipliedBy(rounds).plus(slowestLive).plusSeconds(3));
        } finally {
            pool.shutdownNow();
        }
    }
}
