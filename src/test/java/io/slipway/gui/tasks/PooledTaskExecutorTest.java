package io.slipway.gui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real executor on the (headless) FX toolkit: threads, handler thread, cancel, throttled progress. */
class PooledTaskExecutorTest {
    private final RunningTasks running = new RunningTasks();
    private final PooledTaskExecutor executor = new PooledTaskExecutor(running, 2);

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    private <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    @Test
    void workRunsOnANamedPoolThreadAndHandlersOnTheFxThread() throws Exception {
        AtomicReference<String> workerThread = new AtomicReference<>();
        AtomicReference<Boolean> handlerOnFx = new AtomicReference<>();
        AtomicReference<String> result = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);

        onFx(() -> Tasks.create(p -> {
                    workerThread.set(Thread.currentThread().getName());
                    return "loaded";
                })
                .title("Load")
                .onSuccess(r -> {
                    handlerOnFx.set(Platform.isFxApplicationThread());
                    result.set(r);
                })
                .andFinally(done::countDown)
                .runOn(executor));

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(workerThread.get()).matches("slipway-task-\\d+");
        assertThat(handlerOnFx.get()).isTrue();
        assertThat(result.get()).isEqualTo("loaded");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(running.tasks()).isEmpty();
    }

    @Test
    void cancelStopsCooperativeWorkAndCallsTheCancelHandler() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch workerReturned = new CountDownLatch(1);
        List<String> calls = new CopyOnWriteArrayList<>();

        TaskHandle handle = onFx(() -> Tasks.create(p -> {
                    started.countDown();
                    while (!p.isCancelled()) {
                        Thread.onSpinWait();
                    }
                    workerReturned.countDown();
                    return "stopped";
                })
                .onSuccess(r -> calls.add("success"))
                .onCancelled(() -> calls.add("cancelled"))
                .andFinally(() -> calls.add("finally"))
                .runOn(executor));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(onFx(() -> running.tasks().size())).isEqualTo(1);

        onFx(handle::cancel);

        assertThat(workerReturned.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(calls).containsExactly("cancelled", "finally");
        assertThat(onFx(() -> running.tasks().isEmpty())).isTrue();
    }

    @Test
    void progressFromATightLoopReachesTheFxThreadThrottledWithTheFinalValue() throws Exception {
        int reports = 200_000;
        AtomicInteger messageChanges = new AtomicInteger();
        AtomicReference<Task<?>> task = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);

        onFx(() -> {
            TaskHandle h = Tasks.create(p -> {
                        for (int i = 1; i <= reports; i++) {
                            p.progress(i, reports, "step " + i);
                        }
                        return null;
                    })
                    .andFinally(done::countDown)
                    .runOn(executor);
            Task<?> t = running.tasks().get(0);
            t.messageProperty().addListener((obs, was, now) -> messageChanges.incrementAndGet());
            task.set(t);
            return h;
        });

        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        Task<?> t = task.get();
        assertThat(onFx(t::getState)).isEqualTo(Worker.State.SUCCEEDED);
        assertThat(onFx(t::getMessage)).isEqualTo("step " + reports);
        assertThat(onFx(t::getProgress)).isEqualTo(1.0);
        assertThat(messageChanges.get()).isLessThan(100);
    }

    @Test
    void submittingOffTheFxThreadIsRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> Tasks.create(p -> 1).title("Off thread").runOn(executor))
                .withMessageContaining("Off thread");
    }
}
