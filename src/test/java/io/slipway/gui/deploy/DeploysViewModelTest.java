package io.slipway.gui.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.SlipwayCore;
import io.slipway.gui.SampleWorkspace;
import io.slipway.gui.tasks.SynchronousTaskExecutor;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploysViewModelTest {
    @TempDir
    Path dir;
    private SlipwayCore core;
    private DeploysViewModel vm;

    @BeforeEach
    void load() {
        core = SampleWorkspace.open(dir);
        vm = new DeploysViewModel(core.deploys(), new SynchronousTaskExecutor());
        vm.activate();
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void listsDeploysNewestFirstAndSelectsTheNewest() {
        assertThat(vm.deploys()).extracting(DeployRow::software).containsExactly("planning-service", "perception-core");
        DeployRow newest = vm.deploys().get(0);
        assertThat(newest.duration()).isEqualTo("18m 15s");
        assertThat(newest.counts()).isEqualTo("1 / 1 / 0");
        assertThat(vm.selectedProperty().get()).isSameAs(newest);
        assertThat(vm.nodeRows()).extracting(NodeDeployRow::node).containsExactly("build-node-01", "build-node-02");
    }

    @Test
    void selectingADeployShowsItsNodesAndCounts() {
        vm.selectedProperty().set(vm.deploys().get(1));

        assertThat(vm.detailTitleProperty().get()).isEqualTo("perception-core 2.3.1 — PARTIAL");
        assertThat(vm.summaryProperty().get()).isEqualTo("3 nodes: 2 done, 0 skipped, 1 failed");
        NodeDeployRow failed = vm.nodeRows().get(1);
        assertThat(failed.node()).isEqualTo("build-node-03");
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.envImage()).isEqualTo("—");
        assertThat(failed.seconds()).isEqualTo(403.0);
        assertThat(vm.nodeRows().get(0).envImage())
                .isEqualTo("registry.lab/slipway/perception-core-env:2.3.1\nsha256:4f1c2a9e0b7d…");
    }
}
