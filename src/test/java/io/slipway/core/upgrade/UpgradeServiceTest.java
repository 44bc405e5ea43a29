package io.slipway.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.core.SlipwayCore;
import io.slipway.core.audit.AuditEvent;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.inventory.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offers, plans and the stored run records against a real H2 workspace (runs on engines: the *IT tests). */
class UpgradeServiceTest {
    @TempDir
    Path dir;
    private SlipwayCore core;
    private UpgradeService upgrades;

    @BeforeEach
    void open() {
        core = SlipwayCore.open(dir.resolve("ws"), Optional.empty());
        upgrades = core.upgradeService();
        core.nodes().add("n1", "unix:///tmp/none1.sock", List.of("lab"), "", Map.of("app", "1.0.0", "lib", "2.0.0"));
        core.nodes().add("n2", "unix:///tmp/none2.sock", List.of("lab"), "", Map.of("app", "1.0.0"));
        core.nodes().add("n3", "unix:///tmp/none3.sock", List.of(), "", Map.of("lib", "1.0.0"));
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void offersComeFromJsonYamlAndPairsAndAreAudited() throws Exception {
        Path json = Files.writeString(dir.resolve("o.json"), "{\"name\":\"j\",\"offered\":{\"app\":\"1.1.0\"}}");
        Path yaml = Files.writeString(dir.resolve("o.yaml"), "name: y\noffered:\n  app: 1.2.0\n  lib: \"2.1\"\n");

        UpgradeOffer j = upgrades.addOffer(OfferSources.fromFile(json, null));
        UpgradeOffer y = upgrades.addOffer(OfferSources.fromFile(yaml, null));
        UpgradeOffer p = upgrades.addOffer(OfferSources.fromPairs("p", List.of("app=2.0.0", "lib=3.0.0")));

        assertThat(j.offered()).containsExactly(Map.entry("app", "1.1.0"));
        assertThat(y.offered()).containsEntry("lib", "2.1");
        assertThat(p.source()).isEqualTo("typed");
        assertThat(upgrades.offer("p").id()).isEqualTo(p.id());
        assertThat(upgrades.offer(Long.toString(j.id())).name()).isEqualTo("j");
        assertThat(core.audit().latest(3)).extracting(AuditEvent::action).containsOnly("upgrade.offer.added");
    }

    @Test
    void badOffersAreRefusedNamingFileAndFieldAndNothingIsStored() throws Exception {
        Path noName = Files.writeString(dir.resolve("bad.json"), "{\"offered\":{\"app\":\"1\"}}");
        Path badVersion = Files.writeString(dir.resolve("bad2.json"), "{\"name\":\"x\",\"offered\":{\"app\":{}}}");

        assertThatThrownBy(() -> OfferSources.fromFile(noName, null)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("bad.json").hasMessageContaining("'name'");
        assertThatThrownBy(() -> OfferSources.fromFile(badVersion, null)).hasMessageContaining("offered.app");
        assertThatThrownBy(() -> OfferSources.fromPairs("z", List.of("app"))).hasMessageContaining("--set 'app'");
        upgrades.addOffer(OfferSources.fromPairs("dup", List.of("app=2")));
        assertThatThrownBy(() -> upgrades.addOffer(OfferSources.fromPairs("dup", List.of("app=3"))))
                .hasMessageContaining("exists already");
        assertThat(upgrades.offers()).extracting(UpgradeOffer::name).containsExactly("dup");
    }

    @Test
    void thePlanTargetsOnlyNewerInstalledSoftwareInWaves() {
        UpgradeOffer o = upgrades.addOffer(OfferSources.fromPairs("o", List.of("app=1.1.0", "lib=2.0.0")));

        UpgradePlan plan = upgrades.plan(o, core.nodes().all(), false, WavePlan.parse("1,100%"));

        assertThat(plan.targets()).containsExactly(new UpgradeDiff.Target("n1", "app", "1.0.0", "1.1.0"),
                new UpgradeDiff.Target("n2", "app", "1.0.0", "1.1.0"),
                new UpgradeDiff.Target("n3", "lib", "1.0.0", "2.0.0"));
        assertThat(plan.waves()).containsExactly(List.of("n1"), List.of("n2", "n3"));
        assertThat(plan.waveOf("n3")).isEqualTo(2);
    }

    @Test
    void anOfferThatIsNotNewerHasNoTargetsAndStartsNoRun() {
        UpgradeOffer o = upgrades.addOffer(OfferSources.fromPairs("old", List.of("app=1.0.0", "other=9.0.0")));

        assertThat(upgrades.plan(o, core.nodes().all(), false, WavePlan.parse("100%")).targets()).isEmpty();
        assertThatThrownBy(() -> upgrades.start(UpgradeRequest.of(o, core.nodes().all()), null, Runnable::run,
                UpgradeListener.NONE)).isInstanceOf(UpgradeService.NoTargetsException.class)
                .hasMessageContaining("no targets");
        assertThat(upgrades.runs()).isEmpty();
    }

    @Test
    void anInterruptedRunIsMarkedAndCanBeAbortedAndHistoryKeepsIt() {
        UpgradeOffer o = upgrades.addOffer(OfferSources.fromPairs("o", List.of("app=1.1.0")));
        List<Node> all = core.nodes().all();
        UpgradeRunStore store = new UpgradeRunStore(core.workspace().jdbc());
        UpgradeRequest request = UpgradeRequest.of(o, all).withWatch(Duration.ofSeconds(5)).withReason("test");
        List<UpgradeTargetRecord> planned = List.of(
                TargetOutcomes.planned(new UpgradeDiff.Target("n1", "app", "1.0.0", "1.1.0"), 1),
                TargetOutcomes.planned(new UpgradeDiff.Target("n2", "app", "1.0.0", "1.1.0"), 2));
        long id = core.workspace().jdbc().inTransaction(c -> store.begin(c, "uid-1", request, "tester", "reg:5000", 2,
                planned, Instant.parse("2026-12-01T00:00:00Z")));
        UpgradeTargetRecord running = TargetOutcomes.started(TargetOutcomes.withRunId(planned.get(0), id), 0,
                Instant.parse("2026-12-01T00:00:01Z"));
        core.workspace().jdbc().inTransaction(c -> {
            store.saveTarget(c, TargetOutcomes.inStep(running, io.slipway.core.deploy.NodeDeployState.BUILDING));
            return null;
        });

        assertThat(upgrades.recoverInterrupted()).isEqualTo(1);
        UpgradeRunRecord r = upgrades.run(id).orElseThrow();
        assertThat(r.state()).isEqualTo(RunState.INTERRUPTED);
        assertThat(r.targets()).extracting(UpgradeTargetRecord::phase)
                .containsExactly(TargetPhase.INTERRUPTED, TargetPhase.PENDING);
        assertThat(r.targets().get(0).detail()).contains("toolchain + compile");
        assertThat(r.reason()).isEqualTo("test");
        assertThat(r.watch()).isEqualTo(Duration.ofSeconds(5));

        UpgradeRunRecord aborted = upgrades.abort(id);

        assertThat(aborted.state()).isEqualTo(RunState.ABORTED);
        assertThat(aborted.targets()).extracting(UpgradeTargetRecord::action)
                .containsOnly(TargetAction.SKIPPED);
        assertThat(upgrades.history("n1", "app")).singleElement()
                .satisfies(e -> assertThat(e.target().phase()).isEqualTo(TargetPhase.ABORTED));
        assertThat(upgrades.lastResults("n2")).containsOnlyKeys("app");
        assertThat(core.audit().latest(1).get(0).action()).isEqualTo("upgrade.run.aborted");
        assertThatThrownBy(() -> upgrades.abort(id)).hasMessageContaining("aborted already");
        assertThat(core.audit().verify().intact()).isTrue();
    }
}
