package io.slipway.gui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Handler dispatch, run through the synchronous executor: no FX toolkit needed. */
class TaskSpecTest {
    private final SynchronousTaskExecutor executor = new SynchronousTaskExecutor();
    private final List<String> calls = new ArrayList<>();
    private final Logger taskLog = (Logger) LoggerFactory.getLogger(TaskSpec.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        taskLog.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        taskLog.detachAppender(logged);
    }

    @Test
    void successHandlerGetsTheResultThenFinallyRuns() {
        Tasks.create(p -> 42)
                .onSuccess(r -> calls.add("success " + r))
                .onError(Exception.class, e -> calls.add("error"))
                .andFinally(() -> calls.add("finally"))
                .runOn(executor);

        assertThat(calls).containsExactly("success 42", "finally");
    }

    @Test
    void mostSpecificErrorHandlerWinsWhateverTheOrderOfRegistration() {
        Tasks.create(p -> {
                    throw new FileNotFoundException("gone");
                })
                .onError(Exception.class, e -> calls.add("exception"))
                .onError(IOException.class, e -> calls.add("io " + e.getMessage()))
                .onError(IllegalStateException.class, e -> calls.add("illegal state"))
                .andFinally(() -> calls.add("finally"))
                .runOn(executor);

        assertThat(calls).containsExactly("io gone", "finally");
    }

    @Test
    void fallsBackToTheBroaderHandler() {
        Tasks.create(p -> {
                    throw new IllegalArgumentException("bad");
                })
                .onError(IOException.class, e -> calls.add("io"))
                .onError(RuntimeException.class, e -> calls.add("runtime " + e.getMessage()))
                .runOn(executor);

        assertThat(calls).containsExactly("runtime bad");
    }

    @Test
    void unhandledErrorIsLoggedWithItsTaskTitle() {
        Tasks.create(p -> {
                    throw new IOException("disk on fire");
                })
                .title("Load nodes")
                .onError(IllegalStateException.class, e -> calls.add("wrong handler"))
                .andFinally(() -> calls.add("finally"))
                .runOn(executor);

        assertThat(calls).containsExactly("finally");
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("Load nodes");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("disk on fire");
        });
    }

    @Test
    void aFailingHandlerIsContainedAndFinallyStillRuns() {
        Tasks.create(p -> "x")
                .onSuccess(r -> {
                    throw new IllegalStateException("handler bug");
                })
                .andFinally(() -> calls.add("finally"))
                .runOn(executor);

        assertThat(calls).containsExactly("finally");
        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.ERROR);
    }

    @Test
    void cancelledRunsTheCancelHandlerThenFinally() {
        TaskSpec<String> spec = Tasks.create(p -> "never")
                .onSuccess(r -> calls.add("success"))
                .onCancelled(() -> calls.add("cancelled"))
                .andFinally(() -> calls.add("finally"))
                .build();

        spec.cancelled();

        assertThat(calls).containsExactly("cancelled", "finally");
    }
}
