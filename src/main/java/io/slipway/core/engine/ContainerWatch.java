package io.slipway.core.engine;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.command.HealthStateLog;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watching a running container through the engine: its state by inspect, its events (die, oom, restart,
 * health_status) as a stream, and tagging an image. Used by an upgrade's run check.
 */
public final class ContainerWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerWatch.class);
    private static final int HEALTH_OUTPUT_MAX = 400;

    private ContainerWatch() {
    }

    static HealthCheck healthCheck(ContainerSpec.Health h) {
        return new HealthCheck().withTest(List.of("CMD-SHELL", h.command()))
                .withInterval(h.interval().toNanos()).withTimeout(h.timeout().toNanos())
                .withRetries(h.retries()).withStartPeriod(h.startPeriod().toNanos());
    }

    /** The container's state; empty when it is gone. */
    public static java.util.Optional<ContainerState> inspect(EngineClient engine, String id) {
        return engine.timed("inspect container " + EngineClient.shortId(id), () -> {
            InspectContainerResponse r;
            try {
                r = engine.docker().inspectContainerCmd(id).exec();
            } catch (NotFoundException e) {
                return java.util.Optional.empty();
            }
            InspectContainerResponse.ContainerState s = r.getState();
            String health = null;
            int streak = 0;
            List<String> outputs = new ArrayList<>();
            if (s != null && s.getHealth() != null) {
                health = s.getHealth().getStatus();
                streak = s.getHealth().getFailingStreak() == null ? 0 : s.getHealth().getFailingStreak();
                for (HealthStateLog l : s.getHealth().getLog() == null ? List.<HealthStateLog>of() : s.getHealth().getLog()) {
                    String out = l.getOutput() == null ? "" : l.getOutput().strip();
                    if (out.length() > HEALTH_OUTPUT_MAX) {
                        out = out.substring(0, HEALTH_OUTPUT_MAX) + "…";
                    }
                    outputs.add("exit " + l.getExitCodeLong() + (out.isEmpty() ? "" : ": " + out));
                }
            }
            boolean running = s != null && Boolean.TRUE.equals(s.getRunning());
            Long exit = s == null || running ? null : s.getExitCodeLong();
            return java.util.Optional.of(new ContainerState(running, s == null ? null : s.getStatus(), exit,
                    r.getRestartCount() == null ? 0 : r.getRestartCount(),
                    s != null && Boolean.TRUE.equals(s.getOOMKilled()), health, streak, outputs));
        });
    }

    /**
     * Streams the engine's events about container {@code id} from {@code since} on: each event's action
     * ({@code start}, {@code die}, {@code oom}, {@code restart}, {@code health_status: unhealthy}, …) goes to
     * {@code onAction} on the stream's thread. Close the returned handle to stop.
     */
    public static Closeable events(EngineClient engine, String id, Instant since, Consumer<String> onAction) {
        ResultCallback.Adapter<Event> cb = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Event e) {
                String action = e.getAction() != null ? e.getAction() : e.getStatus();
                if (action != null) {
                    onAction.accept(action);
                }
            }

            @Override
            public void onError(Throwable t) {
                LOG.debug("events of {} on {} ended: {}", EngineClient.shortId(id), engine.endpoint(), t.toString());
            }
        };
        engine.docker().eventsCmd().withContainerFilter(id).withSince(String.valueOf(since.getEpochSecond()))
                .exec(cb);
        return () -> {
            try {
                cb.close();
            } catch (IOException e) {
                LOG.debug("closing the event stream: {}", e.toString());
            }
        };
    }

    /** Tags image {@code source} (id or reference) as {@code target} ({@code repository:tag}). */
    public static void tag(EngineClient engine, String source, ImageRef target) {
        engine.timed("tag " + target, () -> {
            engine.docker().tagImageCmd(source, target.repository(), target.tag()).withForce(true).exec();
            return null;
        });
    }
}
