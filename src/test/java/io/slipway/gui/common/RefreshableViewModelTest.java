package io.slipway.gui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.common.Progress;
import io.slipway.gui.tasks.TaskExecutor;
import io.slipway.gui.tasks.TaskHandle;
import io.slipway.gui.tasks.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefreshableViewModelTest {
    /** Holds submitted tasks so the test decides when and in which order they finish. */
    static final class ManualExecutor implements TaskExecutor {
        final List<TaskSpec<?>> submitted = new ArrayList<>();
        int cancelled;

        @Override
        public <T> TaskHandle submit(TaskSpec<T> task) {
            submitted.add(task);
            return () -> {
                cancelled++;
                return true;
            };
        }

        @SuppressWarnings("unchecked")
        <T> void finish(int index, T result) {
            ((TaskSpec<T>) submitted.get(index)).succeeded(result);
        }

        void fail(int index, Exception e) {
            submitted.get(index).failed(e);
        }

        @Override
        public void shutdown() {
        }
    }

    static final class Shown extends RefreshableViewModel<String> {
        final List<String> shown = new ArrayList<>();

        Shown(TaskExecutor executor) {
            super(executor, "Loading things");
        }

        @Override
        protected String load(Progress progress) {
            throw new UnsupportedOperationException("the manual executor never runs work");
        }

        @Override
        protected void show(String data) {
            shown.add(data);
        }
    }

    private final ManualExecutor executor = new ManualExecutor();
    private final Shown vm = new Shown(executor);

    @Test
    void aNewerRefreshSupersedesAnOlderOne() {
        vm.refresh();
        vm.refresh();
        assertThat(executor.cancelled).isEqualTo(1);
        assertThat(vm.loadingProperty().get()).isTrue();

        executor.finish(1, "new");
        executor.finish(0, "stale");

        assertThat(vm.shown).containsExactly("new");
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void aFailedLoadShowsItsErrorUntilTheNextLoad() {
        vm.refresh();
        executor.fail(0, new IllegalStateException("database is gone"));

        assertThat(vm.loadErrorProperty().get()).isEqualTo("Loading things failed: database is gone");
        assertThat(vm.loadingProperty().get()).isFalse();

        vm.refresh();
        assertThat(vm.loadErrorProperty().get()).isEmpty();
    }

    @Test
    void activateLoadsOnlyOnce() {
        vm.activate();
        vm.activate();

        assertThat(executor.submitted).hasSize(1);
    }
}
