package io.slipway.core.inventory;

import io.slipway.core.audit.AuditTrail;
import io.slipway.core.common.Clock;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.engine.EngineClient;
import io.slipway.core.engine.EngineException;
import io.slipway.core.engine.EngineFacts;
import io.slipway.core.engine.EngineTimeouts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node inventory as the Nodes view and the CLI use it: add, edit, remove (audited), and refresh, which probes
 * every node concurrently, each bounded by a timeout, so one unreachable node never holds up the others.
 */
public final class NodeInventory {
    private static final Logger LOG = LoggerFactory.getLogger(NodeInventory.class);
    public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(8);

    private final NodeRepository nodes;
    private final AuditTrail audit;
    private final Clock clock;

    public NodeInventory(NodeRepository nodes, AuditTrail audit, Clock clock) {
        this.nodes = nodes;
        this.audit = audit;
        this.clock = clock;
    }

    /** Receives each node's result as soon as it is known (on a pool thread). */
    @FunctionalInterface
    public interface RefreshListener {
        RefreshListener NONE = r -> { };

        void probed(ProbeResult result);
    }

    public List<Node> all() {
        return nodes.all();
    }

    public Node require(String name) {
        return nodes.find(name).orElseThrow(() ->
                new UserFacingException("No node named " + name + " (see 'slipway nodes list')."));
    }

    public Node add(NodeSpec spec) {
        NodeSpec s = spec.validated();
        nodes.add(s);
        audit.record("node.added", s.name(), Map.of("endpoint", s.endpoint(), "groups", s.groups(),
                "labels", s.labels(), "tls", s.tlsCertDir() != null));
        return require(s.name());
    }

    public Node update(String name, NodeSpec spec) {
        NodeSpec s = spec.validated();
        nodes.update(name, s);
        audit.record("node.edited", name, Map.of("name", s.name(), "endpoint", s.endpoint(), "groups", s.groups(),
                "labels", s.labels(), "tls", s.tlsCertDir() != null));
        return require(s.name());
    }

    public void remove(String name) {
        if (!nodes.remove(name)) {
            throw new UserFacingException("No node named " + name + " (see 'slipway nodes list').");
        }
        audit.record("node.removed", name, Map.of());
    }

    /** Nodes by name, or all nodes of a group; unknown names are a {@link UserFacingException} listing them. */
    public List<Node> select(List<String> names, String group) {
        List<Node> all = nodes.all();
        if (group != null) {
            List<Node> in = all.stream().filter(n -> n.inGroup(group)).toList();
            if (in.isEmpty()) {
                throw new UserFacingException("No node is in group " + group + ".");
            }
            return in;
        }
        Map<String, Node> byName = new LinkedHashMap<>();
        all.forEach(n -> byName.put(n.name(), n));
        List<String> unknown = names.stream().filter(n -> !byName.containsKey(n)).toList();
        if (!unknown.isEmpty()) {
            throw new UserFacingException("Unknown node(s): " + String.join(", ", unknown)
                    + " (see 'slipway nodes list').");
        }
        return names.stream().distinct().map(byName::get).toList();
    }

    /**
     * Probes {@code targets} concurrently on {@code executor}; each result is stored and passed to {@code listener}
     * as it arrives. A node that has not answered after {@code timeout} counts as unreachable at that moment (its
     * client is closed, which ends the hanging call). The future completes with all results in target order.
     */
    public CompletableFuture<List<ProbeResult>> refresh(List<Node> targets, Executor executor, Duration timeout,
                                                        RefreshListener listener) {
        List<CompletableFuture<ProbeResult>> futures = new ArrayList<>();
        for (Node n : targets) {
            futures.add(probeAsync(n, executor, timeout).thenApply(r -> {
                try {
                    nodes.recordProbe(r);
                } catch (RuntimeException e) {
                    LOG.warn("storing the probe of {} failed: {}", r.node(), e.toString());
                }
                try {
                    listener.probed(r);
                } catch (RuntimeException e) {
                    LOG.warn("refresh listener failed on {}: {}", r.node(), e.toString());
                }
                return r;
            }));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(v -> futures.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<ProbeResult> probeAsync(Node node, Executor executor, Duration timeout) {
        Instant started = clock.now();
        long t0 = System.nanoTime();
        AtomicReference<EngineClient> client = new AtomicReference<>();
        CompletableFuture<ProbeResult> f = CompletableFuture.supplyAsync(() -> probe(node, client, started, t0), executor);
        return f.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS).thenApply(r -> {
            if (r != null) {
                return r;
            }
            EngineClient c = client.get();
            if (c != null) {
                c.close();
            }
            return ProbeResult.unreachable(node.name(), "no answer within " + timeout.toSeconds() + " s from "
                    + node.endpoint(), started, Duration.ofNanos(System.nanoTime() - t0));
        });
    }

    /** Probes one node now, on the calling thread. */
    public ProbeResult probe(Node node) {
        Instant started = clock.now();
        return probe(node, new AtomicReference<>(), started, System.nanoTime());
    }

    private ProbeResult probe(Node node, AtomicReference<EngineClient> holder, Instant started, long t0) {
        try (EngineClient c = EngineClient.connect(node.engineEndpoint(), EngineTimeouts.PROBE)) {
            holder.set(c);
            EngineFacts facts = c.probe();
            return ProbeResult.reachable(node.name(), facts, started, Duration.ofNanos(System.nanoTime() - t0));
        } catch (EngineException | IllegalArgumentException e) {
            return ProbeResult.unreachable(node.name(), e.getMessage(), started, Duration.ofNanos(System.nanoTime() - t0));
        } catch (RuntimeException e) {
            LOG.warn("probe of {} failed unexpectedly", node.name(), e);
            return ProbeResult.unreachable(node.name(), e.toString(), started, Duration.ofNanos(System.nanoTime() - t0));
        }
    }
}
