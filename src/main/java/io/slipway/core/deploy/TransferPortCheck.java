package io.slipway.core.deploy;

import io.slipway.core.engine.EngineException;
import io.slipway.core.engine.PublishedPort;
import java.util.List;

/**
 * The build environment's transfer port must be published on the node's loopback, and there only. An engine that
 * cannot publish ports (its containers have no bridge network, e.g. dockerd {@code --bridge=none}) silently ignores
 * the binding: that, or a binding beyond loopback, fails the start-environment step naming the node and the port.
 */
final class TransferPortCheck {
    private TransferPortCheck() {
    }

    /** The loopback binding of {@code containerPort}; throws (not retryable) when there is none or one goes wider. */
    static PublishedPort require(String node, String containerPort, List<PublishedPort> published) {
        if (published.isEmpty()) {
            throw new EngineException("node " + node + " did not publish transfer port " + containerPort
                    + " on 127.0.0.1: its engine started the environment container without a host port for it (an "
                    + "engine whose containers have no bridge network, e.g. dockerd --bridge=none, cannot publish "
                    + "ports); give the engine a bridge network", false, null);
        }
        List<PublishedPort> wider = published.stream().filter(p -> !p.isLoopback()).toList();
        if (!wider.isEmpty()) {
            throw new EngineException("node " + node + " published transfer port " + containerPort + " on " + wider
                    + ", beyond loopback (Slipway asks for 127.0.0.1 only); check the engine's port binding settings",
                    false, null);
        }
        return published.get(0);
    }
}
