package io.slipway.gui.deploy;

import io.slipway.core.deploy.DeployListener;
import io.slipway.core.deploy.DeploySummary;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What the deploy progress view needs from the core (called off the FX thread); tests substitute their own. */
public interface DeployStarter {
    /** The choices the "New deploy" dialog offers. */
    record Choices(List<String> nodes, List<String> groups, List<String> registries) {
    }

    /** A started deploy. */
    interface RunningDeploy {
        long id();

        void abort();

        CompletableFuture<DeploySummary> completion();
    }

    Choices choices();

    /** Opens the registry (wiping the passphrase) and starts the deploy; events go to {@code listener}. */
    RunningDeploy start(NewDeployForm form, DeployListener listener);

    /** Retries the failed, denied, aborted and interrupted nodes of {@code deployId}. */
    RunningDeploy retry(long deployId, int parallelism, String registry, char[] passphrase, DeployListener listener);
}
