package io.slipway.gui.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.SlipwayCore;
import io.slipway.core.upgrade.UpgradeCell;
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
        assertThat(node01.cells()).extracting(DiffCellKind::text).containsExactly("1.9.0 → 2.0.0",
                "not installed (1.1.0 offered)", "2.3.1 → 2.4.0", "2.4.0 (current)");
        assertThat(node01.cells()).extracting(DiffCellKind::of).containsExactly(DiffCellKind.TARGET,
                DiffCellKind.NOT_INSTALLED, DiffCellKind.TARGET, DiffCellKind.CURRENT);
        assertThat(vm.plannedTargets()).extracting(PlannedTarget::describe)
                .doesNotContain("build-node-01  map-service install 1.1.0")
                .contains("build-node-03  map-service 1.0.4 → 1.1.0");
    }

    @Test
    void withNothingChosenUpgradeActsOnEveryTarget() {
        assertThat(vm.plannedTargets()).hasSize(6).noneMatch(PlannedTarget::isInstall);
        assertThat(vm.plannedTargets().get(0).describe()).isEqualTo("build-node-01  hmi-app 1.9.0 → 2.0.0");
        assertThat(vm.planSummaryProperty().get()).isEqualTo("Upgrade… acts on all 6 upgrades");
        assertThat(vm.planSizeProperty().get()).isEqualTo(6);
    }

    @Test
    void aChosenCellRowOrColumnNarrowsThePlanToItsTargets() {
        vm.selection().selectOnly(0, 2);
        assertThat(vm.plannedTargets()).extracting(PlannedTarget::describe)
                .containsExactly("build-node-01  perception-core 2.3.1 → 2.4.0");
        assertThat(vm.planSummaryProperty().get()).isEqualTo("1 cell chosen: 1 upgrade");

        // the row of node 01: its current and not-installed cells are chosen but are no targets
        vm.selection().selectRow(0, false);
        assertThat(vm.selection().countProperty().get()).isEqualTo(4);
        assertThat(vm.plannedTargets()).extracting(PlannedTarget::software).containsExactly("hmi-app", "perception-core");
        assertThat(vm.planSummaryProperty().get()).isEqualTo("4 cells chosen: 2 upgrades");

        // Ctrl+click on a header adds a column to the row
        vm.selection().selectColumn(3, true);
        assertThat(vm.selection().countProperty().get()).isEqualTo(7);
        assertThat(vm.plannedTargets()).extracting(PlannedTarget::node).contains("build-node-01");

        vm.selection().toggle(0, 0);
        assertThat(vm.plannedTargets()).extracting(PlannedTarget::describe)
                .doesNotContain("build-node-01  hmi-app 1.9.0 → 2.0.0");
        vm.selection().clear();
        assertThat(vm.plannedTargets()).hasSize(6);
    }

    @Test
    void alsoInstallWhereMissingIsOffByDefaultAndAddsInstalls() {
        assertThat(vm.alsoInstallProperty().get()).isFalse();
        vm.selection().selectRow(1, false); // build-node-02: two software missing, two current
        assertThat(vm.plannedTargets()).isEmpty();
        assertThat(vm.planSizeProperty().get()).isZero();

        vm.alsoInstallProperty().set(true);

        assertThat(vm.plannedTargets()).extracting(PlannedTarget::describe).containsExactly(
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

    @Test
    void anEmptyWorkspaceSaysThereAreNoOffers(@TempDir Path emptyDir) {
        try (SlipwayCore empty = SlipwayCore.open(emptyDir, java.util.Optional.empty())) {
            UpgradesViewModel emptyVm = new UpgradesViewModel(empty.upgrades(), empty.nodes(), new SynchronousTaskExecutor());
            emptyVm.activate();

            assertThat(emptyVm.rows()).isEmpty();
            assertThat(emptyVm.plannedTargets()).isEmpty();
            assertThat(emptyVm.emptyTextProperty().get()).isEqualTo("No upgrade offers in this workspace yet.");
            assertThat(emptyVm.summaryProperty().get()).isEqualTo("No upgrade offers in this workspace.");
        }
    }
}
