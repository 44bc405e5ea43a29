package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.inventory.NodeSpec;
import io.slipway.core.inventory.NodeStatus;
import io.slipway.gui.Console;
import io.slipway.gui.inventory.NodeRow;
import io.slipway.gui.tasks.PooledTaskExecutor;
import io.slipway.gui.tasks.RunningTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Refresh in the Nodes view probes the real engines; a node that never answers holds up neither rows nor UI. */
class NodesViewIT {
    private static final long UI_TIMEOUT_S = 20;

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private DeploySupport support;
    private PooledTaskExecutor executor;
    private Stage stage;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            onFx(() -> {
                stage.close();
                return null;
            });
        }
        if (executor != null) {
            executor.shutdown();
        }
        if (support != null) {
            support.close();
        }
    }

    @Test
    void refreshUpdatesEachRowAsItsNodeAnswers() throws Exception {
        support = new DeploySupport(dir.resolve("ws"));
        // a non-routable address: the connection attempt hangs until the probe's timeout
        support.core.inventory().add(new NodeSpec("blackhole", "tcp://10.255.255.1:2375", null, List.of("dead"),
                Map.of(), ""));
        int engines = TestEnvironment.nodes().size();
        RunningTasks running = new RunningTasks();
        executor = new PooledTaskExecutor(running, 2);
        stage = onFx(() -> {
            Stage s = new Stage();
            new Console(support.core, executor, running).show(s);
            return s;
        });
        WaitForAsyncUtils.waitForFxEvents();
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

        waitUntil(() -> table.getItems().stream().filter(r -> r.name().equals("blackhole"))
                .allMatch(r -> r.status() == NodeStatus.UNREACHABLE));
        assertThat(onFx(() -> table.getItems().stream().filter(r -> r.name().equals("blackhole")).findFirst()
                .orElseThrow().statusReason())).isNotBlank();
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(UI_TIMEOUT_S, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(UI_TIMEOUT_S, TimeUnit.SECONDS, () -> onFx(condition));
    }
}
