package io.slipway.gui.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.common.Progress;
import io.slipway.gui.tasks.TaskExecutor;
import io.slipway.gui.tasks.TaskHandle;
import io.slipway.gui.tasks.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestLoadTest {
    /** Holds submitted tasks until the test finishes them, in any order: answers that arrive late. */
    static final class HeldTasks implements TaskExecutor {
        final List<TaskSpec<?>> held = new ArrayList<>();

        @Override
        public <T> TaskHandle submit(TaskSpec<T> task) {
            held.add(task);
            return () -> true;
        }

        @SuppressWarnings("unchecked")
        <T> void finish(int index) throws Exception {
            TaskSpec<T> task = (TaskSpec<T>) held.get(index);
            task.succeeded(task.work().run(Progress.NONE));
        }

        @Override
        public void shutdown() {
        }
    }

    @Test
    void aLateAnswerToAnOlderLoadIsDropped() throws Exception {
        HeldTasks tasks = new HeldTasks();
        LatestLoad load = new LatestLoad(tasks);
        List<String> shown = new ArrayList<>();
        List<String> finished = new ArrayList<>();

        load.start("tags of a", p -> "a", shown::add, e -> { }, () -> finished.add("a"));
        load.start("tags of b", p -> "b", shown::add, e -> { }, () -> finished.add("b"));
        assertThat(load.loadingProperty().get()).isTrue();

        tasks.finish(1);
        tasks.finish(0);

        assertThat(shown).containsExactly("b");
        assertThat(finished).containsExactly("b", "a"); // clean-up runs for the dropped one too
        assertThat(load.loadingProperty().get()).isFalse();
    }

    @Test
    void cancelDropsTheRunningLoad() throws Exception {
        HeldTasks tasks = new HeldTasks();
        LatestLoad load = new LatestLoad(tasks);
        List<String> shown = new ArrayList<>();

        load.start("manifest", p -> "m", shown::add, e -> { }, () -> { });
        load.cancel();
        tasks.finish(0);

        assertThat(shown).isEmpty();
        assertThat(load.loadingProperty().get()).isFalse();
    }
}
