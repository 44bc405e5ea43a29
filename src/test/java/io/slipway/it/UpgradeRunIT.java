package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.deploy.DeployRequest;
import io.slipway.core.deploy.DeployState;
import io.slipway.core.deploy.DeploySummary;
import io.slipway.core.engine.EngineClient;
import io.slipway.core.engine.EngineTimeouts;
import io.slipway.core.engine.ImageDetails;
import io.slipway.core.engine.SlipwayLabels;
import io.slipway.core.inventory.Node;
import io.slipway.core.upgrade.RunBasis;
import io.slipway.core.upgrade.RunState;
import io.slipway.core.upgrade.RunStatus;
import io.slipway.core.upgrade.TargetAction;
import io.slipway.core.upgrade.UpgradeEvent;
import io.slipway.core.upgrade.UpgradeOffer;
import io.slipway.core.upgrade.UpgradeStatus;
import io.slipway.core.upgrade.UpgradeSummary;
import io.slipway.core.upgrade.UpgradeTargetRecord;
import io.slipway.core.upgrade.WavePlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrade runs against the real nodes and registry: one software deployed at 1.0.0 on every node, then offers of
 * newer versions whose run-command keeps running and passes its health command, exits after a few seconds, fails
 * its health command, or is absent, and one whose build fails. Each scenario checks both verdicts, the action, what
 * the nodes report afterwards, and that no environment or run-check container is left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradeRunIT {
    private DeploySupport s;
    private final String sw = DeploySupport.uniqueSoftware("upg");
    private String d1;

    @BeforeAll
    void installVersionOneEverywhere(@TempDir Path workspace) throws Exception {
        DeployFixtures.publish(sw, "1.0.0", DeployFixtures.Variant.NORMAL);
        DeployFixtures.publish(sw, "1.1.0", DeployFixtures.Variant.NORMAL, UpgradeSupport.healthy(sw));
        DeployFixtures.publish(sw, "1.2.0", DeployFixtures.Variant.NORMAL, UpgradeSupport.exitsSoon(sw));
        DeployFixtures.publish(sw, "1.3.0", DeployFixtures.Variant.NORMAL, UpgradeSupport.failingHealth(sw));
        DeployFixtures.publish(sw, "1.4.0", DeployFixtures.Variant.NORMAL);
        DeployFixtures.publish(sw, "1.5.0", DeployFixtures.Variant.NORMAL.failingWith(2), UpgradeSupport.healthy(sw));
        s = new DeploySupport(workspace);
        d1 = DeploySupport.nodeName(TestEnvironment.dockerdNode());
        DeploySummary v1 = s.deploy(DeployRequest.of(sw, "1.0.0", s.nodes()).withParallelism(3));
        assertThat(v1.state()).as(DeploySupport.describe(v1)).isEqualTo(DeployState.SUCCEEDED);
    }

    @AfterAll
    void close() {
        if (s != null) {
            s.close();
        }
    }

    @Test
    @Order(1)
    void anOfferThatIsNotNewerOrForMissingSoftwareHasNoTargets() {
        UpgradeOffer offer = UpgradeSupport.offer(s, "same", Map.of(sw, "1.0.0", "not-on-any-node", "9.0.0"));

        var plan = s.core.upgradeService().plan(offer, s.nodes(), false, WavePlan.parse(WavePlan.DEFAULT));

        assertThat(plan.targets()).isEmpty();
        assertThat(plan.diff().rows()).allSatisfy(r -> assertThat(r.cells().get(0).display()).isEqualTo("not installed"));
    }

    @Test
    @Order(2)
    void aHealthyUpgradeIsCommittedAndTheNodesReportTheNewVersion() throws Exception {
        List<UpgradeEvent> events = Collections.synchronizedList(new ArrayList<>());
        UpgradeOffer offer = UpgradeSupport.offer(s, "healthy", Map.of(sw, "1.1.0"));

        UpgradeSummary sum = UpgradeSupport.run(s, UpgradeSupport.request(offer, s.nodes(), "100%"), events::add);

        assertThat(sum.state()).as(UpgradeSupport.describe(sum)).isEqualTo(RunState.FINISHED);
        assertThat(sum.exitCode()).isZero();
        assertThat(sum.targets()).hasSize(3).allSatisfy(t -> {
            assertThat(t.upgradeStatus()).as(t.key()).isEqualTo(UpgradeStatus.SUCCEEDED);
            assertThat(t.runStatus()).as(t.key() + ": " + t.evidence()).isEqualTo(RunStatus.HEALTHY);
            assertThat(t.basis()).isEqualTo(RunBasis.HEALTH_COMMAND);
            assertThat(t.action()).isEqualTo(TargetAction.COMMITTED);
            assertThat(t.fromVersion()).isEqualTo("1.0.0");
            assertThat(t.envDigest()).startsWith("sha256:");
            assertThat(t.softwareDigest()).startsWith("sha256:");
            assertThat(t.evidence().running()).isTrue();
            assertThat(t.evidence().watchedMs()).isGreaterThanOrEqualTo(UpgradeSupport.WATCH.toMillis() - 100);
        });
        for (Node n : s.nodes()) {
            assertThat(UpgradeSupport.probe(s, n.name())).containsEntry(sw, "1.1.0");
            assertThat(s.core.nodes().find(n.name()).orElseThrow().installed()).containsEntry(sw, "1.1.0");
        }
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(UpgradeEvent.RunCheckTick.class));
        assertThat(events).filteredOn(e -> e instanceof UpgradeEvent.TargetFinished).hasSize(3);
        assertThat(s.core.upgradeService().steps(sum.targets().get(0))).extracting(st -> st.step())
                .contains("BUILDING", "PUSHING", "RUN_CHECKING", "RECORDING");
        assertNoContainersLeft(sum);
    }

    @Test
    @Order(3)
    void aRunThatExitsIsAbnormalAndRolledBack() throws Exception {
        UpgradeOffer offer = UpgradeSupport.offer(s, "exits", Map.of(sw, "1.2.0"));

        UpgradeSummary sum = UpgradeSupport.run(s, UpgradeSupport.request(offer, List.of(node("n1")), "100%"), e -> { });

        UpgradeTargetRecord t = UpgradeSupport.target(sum, "n1", sw);
        assertThat(t.upgradeStatus()).as(UpgradeSupport.describe(sum)).isEqualTo(UpgradeStatus.SUCCEEDED);
        assertThat(t.runStatus()).isEqualTo(RunStatus.ABNORMAL);
        assertThat(t.basis()).isEqualTo(RunBasis.LIVENESS);
        assertThat(t.action()).isEqualTo(TargetAction.ROLLED_BACK);
        assertThat(t.evidence().exitCode()).isEqualTo(3L);
        assertThat(t.evidence().running()).isFalse();
        assertThat(t.evidence().summary()).contains("exited with code 3");
        assertThat(sum.exitCode()).isEqualTo(1);
        // the node keeps reporting the old version; the new image is kept, marked rolled back
        assertThat(UpgradeSupport.probe(s, "n1")).containsEntry(sw, "1.1.0");
        assertThat(s.core.nodes().find("n1").orElseThrow().installed()).containsEntry(sw, "1.1.0");
        try (EngineClient e = EngineClient.connect(node("n1").engineEndpoint(), EngineTimeouts.PROBE)) {
            List<ImageDetails> kept = e.imagesLabelled(Map.of(SlipwayLabels.SOFTWARE, sw, SlipwayLabels.VERSION, "1.2.0"));
            assertThat(kept).singleElement().satisfies(img -> assertThat(img.repoTags())
                    .allMatch(tag -> tag.endsWith(SlipwayLabels.ROLLED_BACK_TAG_SUFFIX)));
        }
        assertNoContainersLeft(sum);
    }

    @Test
    @Order(4)
    void aFailingHealthCommandIsAbnormalOnTheBasisOfTheHealthCommand() throws Exception {
        UpgradeOffer offer = UpgradeSupport.offer(s, "unhealthy", Map.of(sw, "1.3.0"));

        UpgradeSummary sum = UpgradeSupport.run(s, UpgradeSupport.request(offer, List.of(node("n2")), "100%"), e -> { });

        UpgradeTargetRecord t = UpgradeSupport.target(sum, "n2", sw);
        assertThat(t.runStatus()).as(UpgradeSupport.describe(sum)).isEqualTo(RunStatus.ABNORMAL);
        assertThat(t.basis()).isEqualTo(RunBasis.HEALTH_COMMAND);
        assertThat(t.action()).isEqualTo(TargetAction.ROLLED_BACK);
        assertThat(t.evidence().healthStatus()).isEqualTo("unhealthy");
        assertThat(t.evidence().healthOutputs()).isNotEmpty();
        assertThat(UpgradeSupport.probe(s, "n2")).containsEntry(sw, "1.1.0");
        assertNoContainersLeft(sum);
    }

    @Test
    @Order(5)
    void withoutARunCommandTheRunIsNotChecked() throws Exception {
        UpgradeOffer offer = UpgradeSupport.offer(s, "unchecked", Map.of(sw, "1.4.0"));

        UpgradeSummary sum = UpgradeSupport.run(s, UpgradeSupport.request(offer, List.of(node(d1)), "100%"), e -> { });

        UpgradeTargetRecord t = UpgradeSupport.target(sum, d1, sw);
        assertThat(t.upgradeStatus()).as(UpgradeSupport.describe(sum)).isEqualTo(UpgradeStatus.SUCCEEDED);
        assertThat(t.runStatus()).isEqualTo(RunStatus.NOT_CHECKED);
        assertThat(t.basis()).isEqualTo(RunBasis.NONE);
        assertThat(t.action()).isEqualTo(TargetAction.COMMITTED);
        assertThat(sum.exitCode()).isZero();
        assertThat(UpgradeSupport.probe(s, d1)).containsEntry(sw, "1.4.0");
    }

    @Test
    @Order(6)
    void aFailedBuildFailsTheUpgradeAndLeavesTheRunUnchecked() throws Exception {
        UpgradeOffer offer = UpgradeSupport.offer(s, "broken", Map.of(sw, "1.5.0"));

        UpgradeSummary sum = UpgradeSupport.run(s, UpgradeSupport.request(offer, List.of(node("n1")), "100%"), e -> { });

        UpgradeTargetRecord t = UpgradeSupport.target(sum, "n1", sw);
        assertThat(t.upgradeStatus()).as(UpgradeSupport.describe(sum)).isEqualTo(UpgradeStatus.FAILED);
        assertThat(t.failedStep()).isEqualTo("toolchain + compile");
        assertThat(t.runStatus()).isEqualTo(RunStatus.NOT_CHECKED);
        assertThat(t.action()).isEqualTo(TargetAction.FAILED);
        assertThat(t.detail()).contains("libfoo-dev");
        assertThat(UpgradeSupport.probe(s, "n1")).containsEntry(sw, "1.1.0");
        // history per node × software keeps every attempt, newest first
        assertThat(s.core.upgradeService().history("n1", sw)).extracting(h -> h.target().toVersion())
                .containsExactly("1.5.0", "1.2.0", "1.1.0");
        assertThat(s.core.audit().verify().intact()).isTrue();
    }

    private Node node(String name) {
        return s.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    /** No container of the run's deploys remains on any node (environment, package holder, run check). */
    private void assertNoContainersLeft(UpgradeSummary sum) {
        for (UpgradeTargetRecord t : sum.targets()) {
            String uid = s.core.deploys().find(t.deployId()).orElseThrow().uid();
            Node n = node(t.node());
            try (EngineClient e = EngineClient.connect(n.engineEndpoint(), EngineTimeouts.PROBE)) {
                assertThat(e.containersLabelled(SlipwayLabels.DEPLOY_ID, uid)).as(t.key()).isEmpty();
            }
        }
    }
}
