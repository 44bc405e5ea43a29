package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.inventory.NodeSpec;
import io.slipway.core.inventory.NodeStatus;
import io.slipway.gui.inventory.NodeRow;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/** Refresh in the Nodes view probes the real engines; a node that never answers holds up neither rows nor UI. */
class NodesViewIT extends ConsoleFixture {

    @Test
    void refreshUpdatesEachRowAsItsNodeAnswers() throws Exception {
        // a loopback listener that never accepts: the connection opens (kernel backlog) and no answer ever comes,
        // so the probe hangs until its timeout
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            workspace().core.inventory().add(new NodeSpec("blackhole", "tcp://127.0.0.1:" + silent.getLocalPort(), null,
                    List.of("dead"), Map.of(), ""));
            refreshWhileOneNodeHangs();
        }
    }

    private void refreshWhileOneNodeHangs() throws Exception {
        int engines = TestEnvironment.nodes().size();
        openConsole();
        TableView<NodeRow> table = robot.lookup("#nodesTable").query();
        waitUntil(() -> table.getItems().size() == engines + 1);

        robot.clickOn("#probeNodesButton");

        // the engines answer while the black hole still hangs, and the FX thread keeps answering meanwhile
        waitUntil(() -> table.getItems().stream().filter(r -> r.status() == NodeStatus.REACHABLE).count() == engines);
        long t0 = System.nanoTime();
        onFx(() -> null);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1000);
        List<NodeRow> reachable = onFx(() -> table.getItems().stream()
                .filter(r -> r.status() == NodeStatus.REACHABLE).toList());
        assertThat(reachable).allSatisfy(r -> {
            assertThat(r.engineVersion()).isNotEqualTo("—");
            assertThat(r.osArch()).contains("/");
            assertThat(r.cpus()).isNotEqualTo("—");
            assertThat(r.lastSeen()).isNotEqualTo("never");
        });

        // the probe gives up after its bounded silence timeout
        waitUntil(60, () -> table.getItems().stream().filter(r -> r.name().equals("blackhole"))
                .allMatch(r -> r.status() == NodeStatus.UNREACHABLE));
        assertThat(onFx(() -> table.getItems().stream().filter(r -> r.name().equals("blackhole")).findFirst()
                .orElseThrow().statusReason())).isNotBlank();
    }

}
