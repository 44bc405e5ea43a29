package io.slipway.core.deploy;

import io.slipway.core.engine.EngineClient;
import io.slipway.core.engine.SlipwayLabels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a deploy cut short left on a node (found by its {@code io.slipway.deploy-id} label): the environment, package
 * holder and run-check containers, and the data volume. Removed before a retry runs there, or when a run is aborted.
 */
public final class DeployLeftovers {
    private static final Logger LOG = LoggerFactory.getLogger(DeployLeftovers.class);

    private DeployLeftovers() {
    }

    /** Removes the leftovers of deploy {@code uid} on {@code node}; returns how many containers there were. */
    public static int remove(EngineClient engine, String uid, String node) {
        int n = 0;
        for (String id : engine.containersLabelled(SlipwayLabels.DEPLOY_ID, uid)) {
            LOG.info("node {}: removing container {} left by deploy {}", node, id, uid);
            engine.removeContainer(id);
            n++;
        }
        engine.removeVolume(volumeName(uid, node));
        return n;
    }

    /** The data volume of deploy {@code uid} on {@code node}. */
    static String volumeName(String uid, String node) {
        return baseName(uid, node) + "-data";
    }

    /** {@code slipway-<deploy id, 12 hex>-<node>}: the names of a deploy's containers and volume on a node. */
    public static String baseName(String uid, String node) {
        String s = uid.replace("-", "");
        return "slipway-" + (s.length() > 12 ? s.substring(0, 12) : s) + "-" + node;
    }
}
