package io.slipway.gui.deploy;

import io.slipway.core.SlipwayCore;
import io.slipway.core.deploy.DeployListener;
import io.slipway.core.deploy.DeployRequest;
import io.slipway.core.deploy.DeployRun;
import io.slipway.core.deploy.DeploySummary;
import io.slipway.core.inventory.Node;
import io.slipway.core.registry.RegistryAccess;
import io.slipway.core.registry.RegistryConfig;
import io.slipway.core.registry.Registries;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** {@link DeployStarter} over the core: inventory, registries and the deploy service. */
public final class CoreDeployStarter implements DeployStarter {
    /** Opens a registry by name for a deploy; the passphrase may be null when it has no credentials. */
    @FunctionalInterface
    public interface RegistryOpener {
        RegistryAccess open(String registry, char[] passphrase);
    }

    private final SlipwayCore core;
    private final Executor pipelines;
    private final RegistryOpener registries;

    /** @param pipelines runs the node pipelines; must offer at least the chosen parallelism in threads */
    public CoreDeployStarter(SlipwayCore core, Executor pipelines) {
        this(core, pipelines, (name, passphrase) -> core.registries().access(name, passphrase));
    }

    public CoreDeployStarter(SlipwayCore core, Executor pipelines, RegistryOpener registries) {
        this.core = core;
        this.pipelines = pipelines;
        this.registries = registries;
    }

    @Override
    public Choices choices() {
        List<Node> nodes = core.inventory().all();
        TreeSet<String> groups = new TreeSet<>();
        nodes.forEach(n -> groups.addAll(n.groups()));
        return new Choices(nodes.stream().map(Node::name).toList(), List.copyOf(groups),
                core.registries().list().stream().map(RegistryConfig::name).toList());
    }

    @Override
    public RunningDeploy start(NewDeployForm form, DeployListener listener) {
        try {
            List<Node> nodes = core.inventory().select(form.nodes(), form.group());
            DeployRequest request = DeployRequest.of(form.software().trim(), form.version().trim(), nodes)
                    .withForced(form.force()).withParallelism(form.parallelism());
            return run(request, form.registry(), form.passphrase(), listener);
        } finally {
            wipe(form.passphrase());
        }
    }

    @Override
    public RunningDeploy retry(long deployId, int parallelism, String registry, char[] passphrase,
                               DeployListener listener) {
        try {
            return run(core.deployService().retryRequest(deployId, parallelism), registry, passphrase, listener);
        } finally {
            wipe(passphrase);
        }
    }

    private RunningDeploy run(DeployRequest request, String registry, char[] passphrase, DeployListener listener) {
        RegistryAccess access = registries.open(registry,
                passphrase == null || passphrase.length == 0 ? null : passphrase);
        DeployRun run = core.deployService().start(request, access, pipelines, listener);
        return new RunningDeploy() {
            @Override
            public long id() {
                return run.id();
            }

            @Override
            public void abort() {
                run.abort();
            }

            @Override
            public CompletableFuture<DeploySummary> completion() {
                return run.completion();
            }
        };
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Registries.wipe(secret);
        }
    }
}
