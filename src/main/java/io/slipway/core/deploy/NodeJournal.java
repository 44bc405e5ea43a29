package io.slipway.core.deploy;

import io.slipway.core.audit.AuditTrail;
import io.slipway.core.inventory.NodeRepository;
import io.slipway.core.store.Jdbc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one node's pipeline writes to the workspace, committed once per state change: the steps that ended, the audit
 * events and images the step before recorded, and the node's new state (at the end, its outcome) go in one
 * transaction ({@link NodeDeployState#committedOnEntry()} says which state changes commit). One commit per step
 * instead of one per write: on a busy machine each commit waits for a CPU the engines are using, so fewer commits are
 * less orchestration time. Nothing waits long: the next commit follows what was noted within moments. Used by the
 * pipeline's thread only.
 */
final class NodeJournal {
    /** The images and installed version the record step noted. */
    private record Recorded(String envImage, String envDigest, String softwareImage, String softwareDigest,
                            String software, String version) {
    }

    private final long deployId;
    private final String node;
    private final DeployRepository deploys;
    private final NodeRepository nodes;
    private final AuditTrail audit;
    private final List<StepRecord> steps = new ArrayList<>();
    private final List<AuditTrail.Entry> events = new ArrayList<>();
    private Recorded recorded;
    private long nanos;

    NodeJournal(long deployId, String node, DeployRepository deploys, NodeRepository nodes, AuditTrail audit) {
        this.deployId = deployId;
        this.node = node;
        this.deploys = deploys;
        this.nodes = nodes;
        this.audit = audit;
    }

    void stepEnded(StepRecord step) {
        steps.add(step);
    }

    /** An audit event about this node (its subject). */
    void audit(String action, Map<String, ?> details) {
        events.add(AuditTrail.Entry.of(action, node, details));
    }

    void recorded(String envImage, String envDigest, String softwareImage, String softwareDigest, String software,
                  String version) {
        recorded = new Recorded(envImage, envDigest, softwareImage, softwareDigest, software, version);
    }

    /** Commits what is noted with the node's new state ({@code startedAt}: when the node's pipeline began). */
    void state(NodeDeployState state, Instant startedAt) {
        commit(c -> deploys.setState(c, deployId, node, state, startedAt));
    }

    /** Commits what is noted with the node's outcome (its last write). */
    void outcome(NodeOutcome outcome, String keptContainer, String buildLog, Instant at) {
        commit(c -> deploys.setOutcome(c, deployId, outcome, keptContainer, buildLog, at));
    }

    /** Time spent committing so far. */
    long nanos() {
        return nanos;
    }

    private void commit(Jdbc.InTransaction<Integer> last) {
        long t0 = System.nanoTime();
        List<StepRecord> ended = List.copyOf(steps);
        List<AuditTrail.Entry> noted = List.copyOf(events);
        Recorded r = recorded;
        steps.clear();
        events.clear();
        recorded = null;
        try {
            audit.inTransactionWith(noted, c -> {
                deploys.insertSteps(c, deployId, ended);
                if (r != null) {
                    deploys.setImages(c, deployId, node, r.envImage(), r.envDigest(), r.softwareImage(),
                            r.softwareDigest());
                    nodes.setInstalled(c, node, r.software(), r.version());
                }
                return last.run(c);
            });
        } finally {
            nanos += System.nanoTime() - t0;
        }
    }
}
