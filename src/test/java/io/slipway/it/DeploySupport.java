package io.slipway.it;

import io.slipway.core.SlipwayCore;
import io.slipway.core.deploy.DeployListener;
import io.slipway.core.deploy.DeployRequest;
import io.slipway.core.deploy.DeployRun;
import io.slipway.core.deploy.DeploySummary;
import io.slipway.core.deploy.NodeDeployState;
import io.slipway.core.deploy.NodeOutcome;
import io.slipway.core.inventory.Node;
import io.slipway.core.inventory.NodeSpec;
import io.slipway.core.registry.Registries;
import io.slipway.core.registry.RegistryAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** A workspace with the test environment's nodes, and a way to run a deploy and see its events. */
final class DeploySupport implements AutoCloseable {
    final SlipwayCore core;
    final ExecutorService pool = Executors.newFixedThreadPool(8);
    final List<Object> events = Collections.synchronizedList(new ArrayList<>());

    DeploySupport(Path workspace) {
        core = SlipwayCore.open(workspace, Optional.empty());
        for (String endpoint : TestEnvironment.nodes()) {
            core.inventory().add(new NodeSpec(nodeName(endpoint), endpoint, null,
                    List.of("it", endpoint.equals(TestEnvironment.dockerdNode()) ? "dockerd" : "podman"), Map.of(), ""));
        }
    }

    /** {@code unix:///tmp/te/n1/api.sock} → {@code n1}. */
    static String nodeName(String endpoint) {
        String[] parts = endpoint.split("/");
        return parts[parts.length - 2];
    }

    static String uniqueSoftware(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    List<Node> nodes() {
        return core.inventory().all();
    }

    DeploySummary deploy(DeployRequest request) throws Exception {
        return deploy(request, registry(), e -> { });
    }

    /** The test registry with the test credentials, through the production ad-hoc access (CLI's --registry-url). */
    RegistryAccess registry() {
        return testRegistry(core, TestEnvironment.registryPassword());
    }

    /** The test registry with a wrong password. */
    RegistryAccess wrongPasswordRegistry() {
        return testRegistry(core, TestEnvironment.registryPassword() + "-wrong");
    }

    /** {@code Registries.adHocAccess} for the test registry: its CA, the test user and {@code password}. */
    static RegistryAccess testRegistry(SlipwayCore core, String password) {
        char[] secret = password.toCharArray();
        try {
            return core.registries().adHocAccess(URI.create("https://" + TestEnvironment.registry()),
                    Files.readString(TestEnvironment.registryCa()), TestEnvironment.registryUser(), secret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Registries.wipe(secret);
        }
    }

    DeploySummary deploy(DeployRequest request, RegistryAccess registry, Consumer<Object> onEvent) throws Exception {
        DeployRun run = core.deployService().start(request, registry, pool, listener(onEvent));
        return run.await(Duration.ofMinutes(10));
    }

    DeployListener listener(Consumer<Object> onEvent) {
        return new DeployListener() {
            private void on(Object e) {
                events.add(e);
                onEvent.accept(e);
            }

            @Override
            public void deployStarted(DeployStarted event) {
                on(event);
            }

            @Override
            public void nodeStateChanged(NodeStateChanged event) {
                on(event);
            }

            @Override
            public void stepFinished(StepFinished event) {
                on(event);
            }

            @Override
            public void transferProgress(TransferProgressed event) {
                on(event);
            }

            @Override
            public void logLine(LogLine event) {
                on(event);
            }

            @Override
            public void nodeFinished(NodeOutcome outcome) {
                on(outcome);
            }

            @Override
            public void deployFinished(DeploySummary summary) {
                on(summary);
            }
        };
    }

    static String describe(DeploySummary s) {
        StringBuilder sb = new StringBuilder("deploy " + s.deployId() + " " + s.state());
        for (NodeOutcome o : s.nodes()) {
            sb.append("\n  ").append(o.node()).append(' ').append(o.state()).append(": ").append(o.detail());
        }
        return sb.toString();
    }

    static Map<String, NodeDeployState> states(DeploySummary s) {
        Map<String, NodeDeployState> m = new java.util.LinkedHashMap<>();
        s.nodes().forEach(o -> m.put(o.node(), o.state()));
        return m;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        core.close();
    }
}
