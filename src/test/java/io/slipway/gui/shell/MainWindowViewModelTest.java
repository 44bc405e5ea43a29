package io.slipway.gui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.slipway.core.SlipwayCore;
import io.slipway.core.common.Progress;
import io.slipway.gui.SampleWorkspace;
import io.slipway.gui.common.RefreshableViewModel;
import io.slipway.gui.tasks.RunningTasks;
import io.slipway.gui.tasks.SynchronousTaskExecutor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainWindowViewModelTest {
    @TempDir
    Path dir;
    private SlipwayCore core;
    private final Map<ConsoleView, CountingViewModel> views = new EnumMap<>(ConsoleView.class);
    private MainWindowViewModel vm;

    /** Counts loads instead of reading anything. */
    static final class CountingViewModel extends RefreshableViewModel<String> {
        int loads;

        CountingViewModel() {
            super(new SynchronousTaskExecutor(), "count");
        }

        @Override
        protected String load(Progress progress) {
            return "x";
        }

        @Override
        protected void show(String data) {
            loads++;
        }
    }

    @BeforeEach
    void open() {
        core = SampleWorkspace.open(dir);
        Arrays.stream(ConsoleView.values()).forEach(v -> views.put(v, new CountingViewModel()));
        vm = new MainWindowViewModel(Map.copyOf(views), core.settings(), core.workspace().directory(),
                core.workspace().databasePath(), new RunningTasks());
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void opensNodesFirstAndLoadsAViewOnlyOnItsFirstVisit() {
        vm.openLastView();
        assertThat(vm.currentViewProperty().get()).isEqualTo(ConsoleView.NODES);

        vm.navigate(ConsoleView.AUDIT);
        vm.navigate(ConsoleView.NODES);
        vm.navigate(ConsoleView.AUDIT);

        assertThat(views.get(ConsoleView.NODES).loads).isEqualTo(1);
        assertThat(views.get(ConsoleView.AUDIT).loads).isEqualTo(1);
        assertThat(views.get(ConsoleView.SBOM).loads).isZero();
    }

    @Test
    void refreshReloadsOnlyTheCurrentView() {
        vm.navigate(ConsoleView.SBOM);

        vm.refreshCurrent();

        assertThat(views.get(ConsoleView.SBOM).loads).isEqualTo(2);
        assertThat(views.get(ConsoleView.NODES).loads).isZero();
    }

    @Test
    void remembersTheLastViewAcrossRestarts() {
        vm.navigate(ConsoleView.UPGRADES);
        vm.rememberLastView();
        assertThat(core.settings().get("ui.lastView")).contains("upgrades");

        MainWindowViewModel next = new MainWindowViewModel(Map.copyOf(views), core.settings(),
                core.workspace().directory(), core.workspace().databasePath(), new RunningTasks());
        next.openLastView();

        assertThat(next.currentViewProperty().get()).isEqualTo(ConsoleView.UPGRADES);
    }

    @Test
    void anUnknownStoredViewFallsBackToNodes() {
        core.settings().put("ui.lastView", "dashboard");

        vm.openLastView();

        assertThat(vm.currentViewProperty().get()).isEqualTo(ConsoleView.NODES);
    }

    @Test
    void titleStatusAndAboutNameTheWorkspace() {
        String ws = core.workspace().directory().toString();
        assertThat(vm.windowTitle()).isEqualTo("Slipway — " + ws);
        assertThat(vm.statusTextProperty().get()).isEqualTo("Ready");
        assertThat(vm.aboutHeader()).startsWith("Slipway ");
        assertThat(vm.aboutText()).contains("Workspace: " + ws);
    }

    @Test
    void everyViewNeedsAViewModel() {
        Map<ConsoleView, RefreshableViewModel<?>> missing = new EnumMap<>(views);
        missing.remove(ConsoleView.SETTINGS);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MainWindowViewModel(missing, core.settings(), dir, dir, new RunningTasks()))
                .withMessageContaining("SETTINGS");
    }
}
