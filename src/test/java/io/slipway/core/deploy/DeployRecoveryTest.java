package io.slipway.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.core.SlipwayCore;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.inventory.Node;
import io.slipway.core.inventory.NodeSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deploy left RUNNING by a stopped app shows as INTERRUPTED at the next start and can be retried. */
class DeployRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void runningDeployBecomesInterruptedAtStartUpAndIsRetriable() {
        long id;
        try (SlipwayCore core = SlipwayCore.open(dir, Optional.empty())) {
            core.inventory().add(new NodeSpec("a", "unix:///a.sock", null, List.of(), Map.of(), ""));
            core.inventory().add(new NodeSpec("b", "unix:///b.sock", null, List.of(), Map.of(), ""));
            List<Node> nodes = core.inventory().all();
            DeployRequest r = DeployRequest.of("hello", "1.0", nodes);
            id = core.deploys().begin("uid-1", r, "reg:5000", "reg:5000/slipway/buildenv/hello:1.0", Instant.now());
            core.deploys().nodeState(id, "a", NodeDeployState.BUILDING, Instant.now());
            core.deploys().nodeFinished(id, new NodeOutcome("b", NodeDeployState.DONE, "built", null, false, "e", "d",
                    "s", "sha256:x", Instant.now(), Duration.ofSeconds(1), Duration.ZERO, List.of()), null, null,
                    Instant.now());
            assertThatThrownBy(() -> core.deployService().retryRequest(id, 2))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("still running");
            // the app "crashes" here: closed without finishing the deploy
        }
        try (SlipwayCore core = SlipwayCore.open(dir, Optional.empty())) {
            DeployRecord d = core.deploys().find(id).orElseThrow();
            assertThat(d.state()).isEqualTo(DeployState.INTERRUPTED);
            NodeDeployRecord a = d.nodes().stream().filter(n -> n.node().equals("a")).findFirst().orElseThrow();
            assertThat(a.state()).isEqualTo("INTERRUPTED");
            assertThat(a.failedStep()).isEqualTo("BUILDING");
            assertThat(a.detail()).contains("Slipway stopped while this node was in BUILDING");
            assertThat(d.nodes().stream().filter(n -> n.node().equals("b")).findFirst().orElseThrow().state())
                    .isEqualTo("DONE");
            DeployRequest retry = core.deployService().retryRequest(id, 2);
            assertThat(retry.nodes()).extracting(Node::name).containsExactly("a");
            assertThat(retry.retryOf()).isEqualTo(id);
            assertThat(retry.envImage()).isEqualTo("reg:5000/slipway/buildenv/hello:1.0");
            assertThat(core.audit().latest(5)).extracting(e -> e.action()).contains("deploy.interrupted");
        }
    }
}
