package io.slipway.gui.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.SlipwayCore;
import io.slipway.core.sbom.Component;
import io.slipway.gui.SampleWorkspace;
import io.slipway.gui.tasks.SynchronousTaskExecutor;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbomViewModelTest {
    @TempDir
    Path dir;
    private SlipwayCore core;
    private SbomViewModel vm;

    @BeforeEach
    void load() {
        core = SampleWorkspace.open(dir);
        vm = new SbomViewModel(core.components(), new SynchronousTaskExecutor());
        vm.activate();
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void groupsTheElevenComponentsIntoTheFourTiersInReleaseOrder() {
        assertThat(vm.tiers()).extracting(SbomTier::label)
                .containsExactly("open-source (4)", "third-party (2)", "derivative (2)", "owned (3)");
        assertThat(vm.tiers().get(2).components()).extracting(Component::name)
                .containsExactly("can-utils-adas", "ffmpeg-adas");
        assertThat(vm.summaryProperty().get()).isEqualTo("11 components");
        assertThat(vm.tierSlices()).extracting(ChartSlice::count).containsExactly(4L, 2L, 2L, 3L);
        assertThat(vm.licenceSlices()).contains(new ChartSlice("LicenseRef-Slipway-Proprietary (3)", 3));
    }

    @Test
    void filterKeepsEveryTierButOnlyMatchingComponents() {
        vm.filterTextProperty().set("gpl");

        assertThat(vm.tiers()).hasSize(4);
        assertThat(vm.tiers()).flatExtracting(SbomTier::components).extracting(Component::name)
                .containsExactlyInAnyOrder("can-utils", "ffmpeg", "can-utils-adas", "ffmpeg-adas");
        assertThat(vm.summaryProperty().get()).isEqualTo("4 of 11 components");
        assertThat(vm.tierSlices()).extracting(ChartSlice::label).containsExactly("open-source (2)", "derivative (2)");

        vm.filterTextProperty().set("no such thing");
        assertThat(vm.emptyTextProperty().get()).isEqualTo("No component matches the filter.");
    }

    @Test
    void multiLineCopyrightsBecomeOneTableLine() {
        Component adas = vm.tiers().get(2).components().get(0);
        assertThat(SbomRow.of(adas).copyright())
                .isEqualTo("Copyright (c) 2002-2023 Volkswagen Group Electronic Research; Copyright (c) 2026 Slipway Automotive");
    }
}
