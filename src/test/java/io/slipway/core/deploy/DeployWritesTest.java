package io.slipway.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.core.SlipwayCore;
import io.slipway.core.audit.AuditTrail;
import io.slipway.core.inventory.NodeSpec;
import io.slipway.core.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The combined writes of a deploy's nodes, against a real workspace. */
class DeployWritesTest {
    private static final List<String> NODES = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    private static final int STEPS = 40;

    @TempDir
    Path dir;
    SlipwayCore core;
    long deployId;

    @BeforeEach
    void deploy() {
        core = SlipwayCore.open(dir, Optional.empty());
        for (String n : NODES) {
            core.inventory().add(new NodeSpec(n, "unix:///" + n + ".sock", null, List.of(), Map.of(), ""));
        }
        deployId = core.deploys().begin("uid-w", DeployRequest.of("hello", "1.0", core.inventory().all()), "reg:5000",
                "reg:5000/slipway/buildenv/hello:1.0", Instant.now());
    }

    @AfterEach
    void close() {
        core.close();
    }

    /** Step {@code seq} of {@code node} ends and the node moves on; with an audit event on every tenth step. */
    private DeployWrites.Change step(String node, int seq) {
        return new DeployWrites.Change() {
            @Override
            public String node() {
                return node;
            }

            @Override
            public List<AuditTrail.Entry> events() {
                return seq % 10 == 0 ? List.of(AuditTrail.Entry.of("test.step", node, Map.of("seq", seq))) : List.of();
            }

            @Override
            public void apply(Connection c) throws SQLException {
                core.deploys().insertSteps(c, deployId, List.of(new StepRecord(node, seq, "BUILDING", Instant.now(), 1,
                        "ok", "step " + seq)));
                core.deploys().setState(c, deployId, node, seq % 2 == 0 ? NodeDeployState.BUILDING
                        : NodeDeployState.PUSHING, Instant.now());
            }
        };
    }

    @Test
    void eightNodesAtOnceWithTheWriterLoseNothingAndKeepEachNodesOrder() throws Exception {
        handInFromEightNodes(true);
    }

    @Test
    void withoutAThreadForTheWriterTheNodesWriteTheirOwnChanges() throws Exception {
        handInFromEightNodes(false);
    }

    private void handInFromEightNodes(boolean writerThread) throws Exception {
        DeployWrites writes = new DeployWrites(core.audit());
        ExecutorService pool = Executors.newFixedThreadPool(NODES.size() + 1);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (String n : NODES) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int seq = 1; seq <= STEPS; seq++) {
                        writes.submit(step(n, seq));
                    }
                    return null;
                }));
            }
            if (writerThread) {
                writes.startOn(pool);
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            writes.close(); // everything handed in is stored when this returns
        } finally {
            pool.shutdownNow();
        }
        for (String n : NODES) {
            assertThat(core.deploys().steps(deployId, n)).extracting(StepRecord::seq)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, STEPS).boxed().toList());
        }
        // each node's last change is applied last: its state is the one of step STEPS (even: BUILDING)
        assertThat(core.deploys().find(deployId).orElseThrow().nodes())
                .allSatisfy(r -> assertThat(r.state()).isEqualTo("BUILDING"));
        assertThat(core.audit().latest(1000)).filteredOn(e -> e.action().equals("test.step"))
                .hasSize(NODES.size() * (STEPS / 10));
        assertThat(core.audit().verify().firstBrokenSeq()).isEmpty();
    }

    @Test
    void aPoolThatWouldRunTheWriterOnTheCallersThreadGetsNone() {
        DeployWrites writes = new DeployWrites(core.audit());
        writes.startOn(Runnable::run); // caller-runs: must return at once, not write until closed
        writes.submit(step("a", 1));   // written here, by the node
        assertThat(core.deploys().steps(deployId, "a")).extracting(StepRecord::seq).containsExactly(1);
        writes.close();
    }

    @Test
    void aChangeThatCannotBeWrittenFailsOnlyItsNodeAtItsNextHandIn() {
        DeployWrites writes = new DeployWrites(core.audit());
        DeployWrites.Change broken = new DeployWrites.Change() {
            @Override
            public String node() {
                return "a";
            }

            @Override
            public List<AuditTrail.Entry> events() {
                return List.of();
            }

            @Override
            public void apply(Connection c) throws SQLException {
                throw new SQLException("disk full");
            }
        };
        writes.submit(broken); // no writer thread: written (and failed) here, alone
        writes.submit(step("b", 1));

        assertThatThrownBy(() -> writes.submit(step("a", 2))).isInstanceOf(StoreException.class)
                .hasMessageContaining("disk full");
        assertThat(core.deploys().steps(deployId, "b")).extracting(StepRecord::seq).containsExactly(1);
        writes.submit(step("a", 3)); // reported once; the node's pipeline decides what to do
        writes.close();
        assertThat(core.deploys().steps(deployId, "a")).extracting(StepRecord::seq).containsExactly(3);
    }
}
