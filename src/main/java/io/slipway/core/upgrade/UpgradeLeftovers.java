package io.slipway.core.upgrade;

import io.slipway.core.deploy.DeployLeftovers;
import io.slipway.core.deploy.DeployRecord;
import io.slipway.core.deploy.DeployRepository;
import io.slipway.core.engine.EngineClient;
import io.slipway.core.engine.EngineTimeouts;
import io.slipway.core.inventory.Node;
import io.slipway.core.inventory.NodeRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When an interrupted run is aborted: removes what its interrupted targets left on their nodes (environment and
 * run-check containers, data volume), so no environment container is left behind. A node that does not answer is
 * named in the result; its leftovers carry the deploy's label for a later clean-up.
 */
final class UpgradeLeftovers {
    private static final Logger LOG = LoggerFactory.getLogger(UpgradeLeftovers.class);

    private UpgradeLeftovers() {
    }

    static String remove(UpgradeRunRecord run, List<UpgradeTargetRecord> aborted, NodeRepository nodes,
                         DeployRepository deploys) {
        List<String> done = new ArrayList<>();
        for (UpgradeTargetRecord t : aborted) {
            if (t.deployId() == null) {
                continue;
            }
            Optional<String> uid = deploys.find(t.deployId()).map(DeployRecord::uid);
            Optional<Node> node = nodes.find(t.node());
            if (uid.isEmpty() || node.isEmpty()) {
                continue;
            }
            try (EngineClient engine = EngineClient.connect(node.get().engineEndpoint(), EngineTimeouts.PROBE)) {
                int n = DeployLeftovers.remove(engine, uid.get(), t.node());
                done.add(t.node() + ": " + n + " container(s) removed");
            } catch (RuntimeException e) {
                LOG.warn("upgrade run {}: leftovers on {} not removed: {}", run.id(), t.node(), e.getMessage());
                done.add(t.node() + ": not removed (" + e.getMessage() + ")");
            }
        }
        return String.join("; ", done);
    }
}
