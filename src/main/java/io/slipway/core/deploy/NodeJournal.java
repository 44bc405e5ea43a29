package io.slipway.core.deploy;

import io.slipway.core.audit.AuditTrail;
import io.slipway.core.inventory.NodeRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one node's pipeline writes to the workspace, handed in once per state change: the steps that ended, the audit
 * events and images the step before recorded, and the node's new state (at the end, its outcome) go as one change
 * ({@link NodeDeployState#committedOnEntry()} says which state changes are handed in). One write per step instead of
 * one per record. Changes go to the deploy's {@link DeployWrites}, which writes them off this node's path: the node
 * goes on with its next step. Used by the pipeline's thread only.
 */
final class NodeJournal {
    /** The images and installed version the record step noted. */
    private record Recorded(String envImage, String envDigest, String softwareImage, String softwareDigest,
                            String software, String version) {
    }

    /** Images only, without installed software (a rolled-back upgrade: the node keeps its version). */
    void rolledBack(String envImage, String envDigest, String softwareImage, String softwareDigest) {
        recorded = new Recorded(envImage, envDigest, softwareImage, softwareDigest, null, null);
    }

    /** The node's last write of a change: its state or its outcome. */
    @FunctionalInterface
    private interface Last {
        void apply(Connection c) throws SQLException;
    }

    /** One hand-in: what was noted since the last one, and the state or outcome that ends it. */
    private final class NodeChange implements DeployWrites.Change {
        private final List<AuditTrail.Entry> events;
        private final List<StepRecord> steps;
        private final Recorded recorded;
        private final Last last;

        NodeChange(List<AuditTrail.Entry> events, List<StepRecord> steps, Recorded recorded, Last last) {
            this.events = List.copyOf(events);
            this.steps = List.copyOf(steps);
            this.recorded = recorded;
            this.last = last;
        }

        @Override
        public String node() {
            return node;
        }

        @Override
        public List<AuditTrail.Entry> events() {
            return events;
        }

        @Override
        public void apply(Connection c) throws SQLException {
            deploys.insertSteps(c, deployId, steps);
            if (recorded != null) {
                deploys.setImages(c, deployId, node, recorded.envImage(), recorded.envDigest(),
                        recorded.softwareImage(), recorded.softwareDigest());
                if (recorded.software() != null) {
                    nodes.setInstalled(c, node, recorded.software(), recorded.version());
                }
            }
            last.apply(c);
        }
    }

    private final long deployId;
    private final String node;
    private final DeployRepository deploys;
    private final NodeRepository nodes;
    private final DeployWrites writes;
    private final List<StepRecord> steps = new ArrayList<>();
    private final List<AuditTrail.Entry> events = new ArrayList<>();
    private Recorded recorded;
    private long nanos;

    NodeJournal(long deployId, String node, DeployRepository deploys, NodeRepository nodes, DeployWrites writes) {
        this.deployId = deployId;
        this.node = node;
        this.deploys = deploys;
        this.nodes = nodes;
        this.writes = writes;
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

    /** Hands in what is noted with the node's new state ({@code startedAt}: when the node's pipeline began). */
    void state(NodeDeployState state, Instant startedAt) {
        handIn(c -> deploys.setState(c, deployId, node, state, startedAt));
    }

    /** Hands in what is noted with the node's outcome (its last change; stored when the deploy ends at the latest). */
    void outcome(NodeOutcome outcome, String keptContainer, String buildLog, Instant at) {
        handIn(c -> deploys.setOutcome(c, deployId, outcome, keptContainer, buildLog, at));
    }

    /** Time spent handing changes in (and writing, when this node's thread wrote them) so far. */
    long nanos() {
        return nanos;
    }

    private void handIn(Last last) {
        long t0 = System.nanoTime();
        NodeChange change = new NodeChange(events, steps, recorded, last);
        steps.clear();
        events.clear();
        recorded = null;
        try {
            writes.submit(change);
        } finally {
            nanos += System.nanoTime() - t0;
        }
    }
}
