package io.slipway.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.core.SlipwayCore;
import io.slipway.core.common.UserFacingException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeInventoryTest {
    @TempDir
    Path dir;

    @Test
    void addEditRemoveWithAuditAndValidation() {
        try (SlipwayCore core = SlipwayCore.open(dir, Optional.empty())) {
            NodeInventory inv = core.inventory();
            Node n = inv.add(new NodeSpec("n1", "unix:///run/n1.sock", null, List.of("lab", "x86"),
                    Map.of("rack", "3"), "first"));
            assertThat(n.groups()).containsExactly("lab", "x86");
            assertThat(n.labels()).containsEntry("rack", "3");
            assertThat(n.status()).isEqualTo(NodeStatus.UNKNOWN);

            assertThatThrownBy(() -> inv.add(new NodeSpec("n1", "unix:///x.sock", null, List.of(), Map.of(), "")))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("already exists");
            assertThatThrownBy(() -> inv.add(new NodeSpec("n2", "http://x", null, List.of(), Map.of(), "")))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("must start with unix:// or tcp://");
            assertThatThrownBy(() -> inv.add(new NodeSpec("bad name", "unix:///x.sock", null, List.of(), Map.of(), "")))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("not usable");
            assertThatThrownBy(() -> inv.add(new NodeSpec("n3", "unix:///x.sock", "/certs", List.of(), Map.of(), "")))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("only apply to tcp://");

            Node edited = inv.update("n1", new NodeSpec("node-1", "tcp://127.0.0.1:2376", null, List.of("lab"),
                    Map.of(), "moved"));
            assertThat(edited.name()).isEqualTo("node-1");
            assertThat(edited.endpoint()).isEqualTo("tcp://127.0.0.1:2376");
            assertThat(inv.select(List.of(), "lab")).extracting(Node::name).containsExactly("node-1");
            assertThatThrownBy(() -> inv.select(List.of("node-1", "nope"), null))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("nope");

            inv.remove("node-1");
            assertThat(inv.all()).isEmpty();
            assertThatThrownBy(() -> inv.remove("node-1")).isInstanceOf(UserFacingException.class);
            assertThat(core.audit().latest(10)).extracting(e -> e.action())
                    .containsSubsequence("node.removed", "node.edited", "node.added");
        }
    }

    /** A node that accepts connections but never answers must not hold up the refresh of the others. */
    @Test
    void refreshBoundsEachNodeAndKeepsLastSeen() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             ServerSocket closedPort = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             SlipwayCore core = SlipwayCore.open(dir, Optional.empty())) {
            int refused = closedPort.getLocalPort();
            closedPort.close();
            pool.submit(() -> {
                while (!silent.isClosed()) {
                    accepted.add(silent.accept());
                }
                return null;
            });
            NodeInventory inv = core.inventory();
            inv.add(new NodeSpec("silent", "tcp://127.0.0.1:" + silent.getLocalPort(), null, List.of(), Map.of(), ""));
            inv.add(new NodeSpec("refused", "tcp://127.0.0.1:" + refused, null, List.of(), Map.of(), ""));
            List<String> order = new ArrayList<>();
            long t0 = System.nanoTime();
            List<ProbeResult> results = inv.refresh(inv.all(), pool, Duration.ofMillis(1500),
                    r -> { synchronized (order) { order.add(r.node()); } }).get();
            long tookMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(tookMs).isLessThan(5000);
            assertThat(order).containsExactly("refused", "silent");
            assertThat(results).allSatisfy(r -> assertThat(r.reachable()).isFalse());
            assertThat(results.get(0).reason()).contains("Connection refused");
            assertThat(results.get(1).reason()).contains("no answer within 1 s");
            assertThat(inv.require("silent").status()).isEqualTo(NodeStatus.UNREACHABLE);
            assertThat(inv.require("silent").lastSeen()).isNull();
            assertThat(inv.require("silent").lastProbeAt()).isNotNull();
        } finally {
            pool.shutdownNow();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
