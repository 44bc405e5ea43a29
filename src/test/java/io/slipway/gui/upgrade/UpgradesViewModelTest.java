package io.slipway.gui.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.SlipwayCore;
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
        assertThat(vm.rows()).extracting(UpgradeDiff.Row::node)
                .containsExactly("build-node-01", "build-node-02", "build-node-03", "hil-bench-01");
        assertThat(vm.targetCountProperty().get()).isEqualTo(6);
        assertThat(vm.summaryProperty().get()).isEqualTo("6 upgrade targets on 3 nodes (of 4)");
    }

    @Test
    void cellsSayWhatChanges() {
        UpgradeDiff.Row node01 = vm.rows().get(0);
        assertThat(node01.cells()).extracting(UpgradeCell::display)
                .containsExactly("1.9.0 → 2.0.0", "not installed", "2.3.1 → 2.4.0", "2.4.0 (current)");
        // a node without the software is not a target (issue 9)
        assertThat(node01.cells()).extracting(UpgradeCell::isTarget).containsExactly(true, false, true, false);
    }

    @Test
    void choosingAnotherOfferRediffs() {
        core.upgrades().add("hotfix", Instant.parse("2026-11-05T00:00:00Z"), Map.of("perception-core", "2.4.1"));
        vm.refresh();
        assertThat(vm.offers()).hasSize(2);
        // the refresh keeps the offer that was chosen
        assertThat(vm.offerProperty().get().name()).isEqualTo("adas-stack 2.4 rollout");

        vm.offerProperty().set(vm.offers().get(0));

        assertThat(vm.software()).containsExactly("perception-core");
        assertThat(vm.targetCountProperty().get()).isEqualTo(4);
    }

    @Test
    void anEmptyWorkspaceSaysThereAreNoOffers(@TempDir Path emptyDir) {
        try (SlipwayCore empty = SlipwayCore.open(emptyDir, java.util.Optional.empty())) {
            UpgradesViewModel emptyVm = new UpgradesViewModel(empty.upgrades(), empty.nodes(), new SynchronousTaskExecutor());
            emptyVm.activate();

            assertThat(emptyVm.rows()).isEmpty();
            assertThat(emptyVm.emptyTextProperty().get()).isEqualTo("No upgrade offers in this workspace yet.");
            assertThat(emptyVm.summaryProperty().get()).isEqualTo("No upgrade offers in this workspace.");
        }
    }
}
