package io.slipway.gui.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.SlipwayCore;
import io.slipway.core.inventory.Node;
import io.slipway.core.upgrade.CellState;
import io.slipway.core.upgrade.UpgradeCell;
import io.slipway.core.upgrade.UpgradeDiff;
import io.slipway.gui.SampleWorkspace;
import io.slipway.gui.tasks.SynchronousTaskExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpgradesViewModelTest {
    @TempDir
    Path dir;
    private SlipwayCore core;
    private UpgradesViewModel vm;

    @BeforeEach
    void load() {
        core = SampleWorkspace.open(dir);
        vm = new UpgradesViewModel(core.upgrades(), core.nodes(), new SynchronousTaskExecutor());
        vm.activate();
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void choosesTheNewestOfferAndDiffsEveryNode() {
        assertThat(vm.offerProperty().get().name()).isEqualTo("adas-stack 2.4 rollout");
        assertThat(vm.software()).containsExactly("hmi-app", "map-service", "perception-core", "planning-service");
        assertThat(vm.rows()).extracting(DiffRow::node)
                .containsExactly("build-node-01", "build-node-02", "build-node-03", "hil-bench-01");
        assertThat(vm.targetCountProperty().get()).isEqualTo(6);
        assertThat(vm.summaryProperty().get()).isEqualTo("6 upgrade targets on 3 nodes (of 4)");
    }

    @Test
    void aNodeWithoutTheSoftwareIsNotInstalledNotATarget() {
        DiffRow node01 = vm.rows().get(0);
        assertThat(node01.cells()).extracting(UpgradeCell::display).containsExactly("1.9.0 → 2.0.0",
                "not installed", "2.3.1 → 2.4.0", "2.4.0 (current)");
        assertThat(node01.cells()).extracting(UpgradeCell::state).containsExactly(CellState.TARGET,
                CellState.NOT_INSTALLED, CellState.TARGET, CellState.CURRENT);
        assertThat(described()).doesNotContain("build-node-01  map-service install 1.1.0")
                .contains("build-node-03  map-service 1.0.4 → 1.1.0");
    }

    @Test
    void withNothingChosenUpgradeActsOnEveryTarget() {
        RunScope scope = vm.runScope();
        assertThat(scope.targets()).hasSize(6).allMatch(t -> t.from() != null);
        assertThat(scope.nodes()).extracting(Node::name).containsExactly("build-node-01", "build-node-03",
                "hil-bench-01");
        assertThat(scope.offer().offered()).hasSize(4);
        assertThat(scope.extra()).isZero();
        assertThat(described().get(0)).isEqualTo("build-node-01  hmi-app 1.9.0 → 2.0.0");
        assertThat(vm.planSummaryProperty().get()).isEqualTo("Upgrade… acts on all 6 upgrades");
        assertThat(vm.planSizeProperty().get()).isEqualTo(6);
    }

    @Test
    void aChosenCellRowOrColumnNarrowsThePlanToItsTargets() {
        vm.selection().selectOnly(0, 2);
        assertThat(described()).containsExactly("build-node-01  perception-core 2.3.1 → 2.4.0");
        assertThat(vm.runScope().offer().offered()).containsOnlyKeys("perception-core");
        assertThat(vm.planSummaryProperty().get()).isEqualTo("1 cell chosen: 1 upgrade");

        // the row of node 01: its current and not-installed cells are chosen but are no targets
        vm.selection().selectRow(0, false);
        assertThat(vm.selection().countProperty().get()).isEqualTo(4);
        assertThat(vm.runScope().targets()).extracting(UpgradeDiff.Target::software)
                .containsExactly("hmi-app", "perception-core");
        assertThat(vm.planSummaryProperty().get()).isEqualTo("4 cells chosen: 2 upgrades");

        // Ctrl+click on a header adds a column (planning-service: a target on hil-bench-01 only)
        vm.selection().selectColumn(3, true);
        assertThat(vm.selection().countProperty().get()).isEqualTo(7);
        // a run acts on nodes × software: hil-bench-01's hmi-app is current, but its perception-core comes along
        assertThat(described()).containsExactly("build-node-01  hmi-app 1.9.0 → 2.0.0",
                "build-node-01  perception-core 2.3.1 → 2.4.0", "hil-bench-01  perception-core 2.3.1 → 2.4.0",
                "hil-bench-01  planning-service 2.3.2 → 2.4.0");
        assertThat(vm.runScope().extra()).isEqualTo(1);
        assertThat(vm.planSummaryProperty().get())
                .isEqualTo("7 cells chosen: 4 upgrades (1 more come with their nodes × software)");

        vm.selection().clear();
        assertThat(vm.runScope().targets()).hasSize(6);
    }

    @Test
    void alsoInstallWhereMissingIsOffByDefaultAndAddsInstalls() {
        assertThat(vm.alsoInstallProperty().get()).isFalse();
        vm.selection().selectRow(1, false); // build-node-02: two software missing, two current
        assertThat(vm.runScope().targets()).isEmpty();
        assertThat(vm.planSizeProperty().get()).isZero();

        vm.alsoInstallProperty().set(true);

        assertThat(vm.rows().get(1).cells()).extracting(UpgradeCell::state).containsExactly(CellState.INSTALL,
                CellState.INSTALL, CellState.CURRENT, CellState.CURRENT);
        assertThat(vm.selection().countProperty().get()).isEqualTo(4); // the choice stays
        assertThat(described()).containsExactly(
                "build-node-02  hmi-app install 2.0.0", "build-node-02  map-service install 1.1.0");
        assertThat(vm.planSummaryProperty().get()).isEqualTo("4 cells chosen: 0 upgrades + 2 installs");
    }

    @Test
    void choosingAnotherOfferRediffsAndForgetsTheChoice() {
        vm.selection().selectAll();
        core.upgrades().add("hotfix", Instant.parse("2026-11-05T00:00:00Z"), Map.of("perception-core", "2.4.1"));
        vm.refresh();
        assertThat(vm.offers()).hasSize(2);
        // the refresh keeps the offer that was chosen
        assertThat(vm.offerProperty().get().name()).isEqualTo("adas-stack 2.4 rollout");

        vm.offerProperty().set(vm.offers().get(0));

        assertThat(vm.software()).containsExactly("perception-core");
        assertThat(vm.targetCountProperty().get()).isEqualTo(4);
        assertThat(vm.selection().isEmpty()).isTrue();
        assertThat(vm.rows().get(0).cells()).extracting(UpgradeCell::offered).containsExactly("2.4.1");
    }

    private java.util.List<String> described() {
        return vm.runScope().targets().stream().map(RunScope::describe).toList();
    }

    @Test
    void anEmptyWorkspaceSaysThereAreNoOffers(@TempDir Path emptyDir) {
        try (SlipwayCore empty = SlipwayCore.open(emptyDir, java.util.Optional.empty())) {
            UpgradesViewModel emptyVm = new UpgradesViewModel(empty.upgrades(), empty.nodes(), new SynchronousTaskExecutor());
            emptyVm.activate();

            assertThat(emptyVm.rows()).isEmpty();
            assertThat(emptyVm.runScope().targets()).isEmpty();
            assertThat(emptyVm.emptyTextProperty().get()).isEqualTo("No upgrade offers in this workspace yet.");
            assertThat(emptyVm.summaryProperty().get()).isEqualTo("No upgrade offers in this workspace.");
        }
    }
}
