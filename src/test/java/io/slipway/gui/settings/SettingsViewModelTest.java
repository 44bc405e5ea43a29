package io.slipway.gui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.SlipwayCore;
import io.slipway.gui.SampleWorkspace;
import io.slipway.gui.tasks.SynchronousTaskExecutor;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {
    @TempDir
    Path dir;
    private SlipwayCore core;

    @BeforeEach
    void open() {
        core = SampleWorkspace.open(dir);
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void showsWhereTheWorkspaceIsAndWhatItStores() {
        core.settings().put("ui.lastView", "audit");
        SettingsViewModel vm = new SettingsViewModel(core.workspace(), core.settings(), core.preferences(),
                new SynchronousTaskExecutor());

        vm.activate();

        assertThat(vm.workspacePath()).isEqualTo(dir.toAbsolutePath().normalize().toString());
        assertThat(vm.databaseFile()).endsWith("slipway.mv.db");
        assertThat(vm.schemaVersion()).isEqualTo(String.valueOf(io.slipway.core.store.Workspace.SCHEMA_VERSION));
        assertThat(vm.entries()).containsExactly(new SettingEntry("ui.lastView", "audit"));
    }
}
