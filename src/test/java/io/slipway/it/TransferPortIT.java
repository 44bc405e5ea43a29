package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.deploy.DeployRequest;
import io.slipway.core.deploy.DeploySummary;
import io.slipway.core.deploy.NodeDeployState;
import io.slipway.core.deploy.NodeOutcome;
import io.slipway.core.deploy.StepRecord;
import io.slipway.core.engine.EngineClient;
import io.slipway.core.engine.EngineTimeouts;
import io.slipway.core.engine.SlipwayLabels;
import io.slipway.core.inventory.Node;
import io.slipway.core.inventory.NodeSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that cannot publish the transfer port: a real Docker Engine started without a container bridge
 * ({@code --bridge=none}). Its deploy fails at the start of the environment, naming the node and the port.
 */
class TransferPortIT {
    private static final String NODE = "d0";

    @TempDir
    Path workspace;

    @Test
    void engineWithoutABridgeFailsTheEnvironmentStartNamingNodeAndPort() throws Exception {
        String software = DeploySupport.uniqueSoftware("nobridge");
        DeployFixtures.publish(software, "1.0", DeployFixtures.Variant.NORMAL);
        String endpoint = TestEnvControl.startBridgelessDockerd(NODE);
        try (DeploySupport s = new DeploySupport(workspace)) {
            s.core.inventory().add(new NodeSpec(NODE, endpoint, null, List.of("bridgeless"), Map.of(), ""));
            Node bridgeless = s.nodes().stream().filter(n -> n.name().equals(NODE)).findFirst().orElseThrow();

            DeploySummary sum = s.deploy(DeployRequest.of(software, "1.0", List.of(bridgeless)));

            NodeOutcome o = sum.nodes().get(0);
            assertThat(o.state()).as(DeploySupport.describe(sum)).isEqualTo(NodeDeployState.FAILED);
            assertThat(o.failedStep()).isEqualTo(NodeDeployState.STARTING_ENV);
            assertThat(o.detail()).contains("node " + NODE + " did not publish transfer port 8080/tcp on 127.0.0.1");
            assertThat(o.retryable()).isFalse();
            assertThat(s.core.deploys().steps(sum.deployId(), NODE)).filteredOn(st -> st.step().equals("STARTING_ENV"))
                    .singleElement().extracting(StepRecord::outcome).isEqualTo("failed");
            try (EngineClient engine = EngineClient.connect(bridgeless.engineEndpoint(), EngineTimeouts.PROBE)) {
                assertThat(engine.containersLabelled(SlipwayLabels.DEPLOY_ID, sum.uid())).as("left on " + NODE)
                        .isEmpty();
            }
        } finally {
            TestEnvControl.removeEngine("dockerd-" + NODE, NODE);
        }
    }
}
