package io.slipway.core.upgrade;

import io.slipway.core.common.Cancellation;
import io.slipway.core.deploy.BuildOutputCopy;
import io.slipway.core.deploy.DeployLeftovers;
import io.slipway.core.deploy.PushedImageCheck;
import io.slipway.core.engine.ContainerSpec;
import io.slipway.core.engine.ContainerState;
import io.slipway.core.engine.ContainerWatch;
import io.slipway.core.engine.EngineClient;
import io.slipway.core.engine.EngineException;
import io.slipway.core.engine.ExecResult;
import io.slipway.core.engine.SlipwayLabels;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run check of an upgrade (one per deploy, i.e. per software and wave): after the push, a run-check container
 * from the environment image with the new build output in place runs the run-command as its main process, with the
 * health-command as its engine health check; it is watched through inspect and events for the watch window.
 * Healthy: it kept running, never restarted, was never OOM-killed and (with a health command) turned healthy and
 * never unhealthy. Anything else is abnormal, decided as soon as it is seen. The container is always removed.
 */
final class RunChecker implements PushedImageCheck {
    private static final Logger LOG = LoggerFactory.getLogger(RunChecker.class);
    private static final int KEEP_HEALTH_OUTPUTS = 5;

    /** A node's run verdict, with what it rests on. */
    record Result(RunStatus status, RunBasis basis, RunEvidence evidence, long checkMs) {
    }

    /** Where ticks go: node, elapsed, running, health status, restarts. */
    interface Ticks {
        void tick(String node, Duration elapsed, boolean running, String health, int restarts);
    }

    private final Duration window;
    private final Ticks ticks;
    private final Map<String, Result> results = new ConcurrentHashMap<>();

    RunChecker(Duration window, Ticks ticks) {
        this.window = window;
        this.ticks = ticks;
    }

    Optional<Result> result(String node) {
        return Optional.ofNullable(results.get(node));
    }

    @Override
    public Verdict check(Context ctx) {
        long t0 = System.nanoTime();
        String run = ctx.contract().runCommand();
        if (run == null) {
            RunEvidence e = new RunEvidence(false, null, 0, false, null, List.of(), 0,
                    "no " + SlipwayLabels.ENV_RUN_COMMAND + " label: run not checked");
            results.put(ctx.node(), new Result(RunStatus.NOT_CHECKED, RunBasis.NONE, e, 0));
            return new Verdict(true, e.summary());
        }
        String health = ctx.contract().healthCommand();
        RunBasis basis = health == null ? RunBasis.LIVENESS : RunBasis.HEALTH_COMMAND;
        EngineClient engine = ctx.engine();
        String name = DeployLeftovers.baseName(ctx.deployUid(), ctx.node()) + "-run";
        String id = null;
        Closeable events = null;
        List<String> seen = new CopyOnWriteArrayList<>();
        try {
            Duration interval = healthInterval();
            id = engine.createContainer(new ContainerSpec(ctx.envImage(), name, List.of("/bin/sh", "-c"), List.of(run),
                    Map.of(SlipwayLabels.DEPLOY_ID, ctx.deployUid(), SlipwayLabels.NODE, ctx.node(),
                            SlipwayLabels.ROLE, SlipwayLabels.ROLE_RUN_CHECK), null, null, null,
                    ctx.contract().outputPath(), health == null ? null
                    : new ContainerSpec.Health(health, interval, interval, 2, Duration.ZERO)));
            String cid = id;
            Cancellation.Registration reg = ctx.cancel().onCancel(() -> engine.killContainer(cid));
            try {
                BuildOutputCopy.copy(engine, ctx.envContainerId(), ctx.contract().outputPath(), id, ctx.cancel());
                events = ContainerWatch.events(engine, id, Instant.now().minusSeconds(1), seen::add);
                engine.startContainer(id);
                Result r = watch(ctx, engine, id, health, basis, interval, seen, t0);
                results.put(ctx.node(), r);
                return new Verdict(r.status() != RunStatus.ABNORMAL, r.evidence().summary());
            } finally {
                reg.close();
            }
        } catch (IOException e) {
            throw new EngineException("run check on " + ctx.node() + ": copying the build output failed: " + e, true, e);
        } finally {
            closeQuietly(events);
            if (id != null) {
                removeQuietly(engine, id, ctx.node());
            }
        }
    }

    private Result watch(Context ctx, EngineClient engine, String id, String health, RunBasis basis, Duration interval,
                         List<String> seen, long t0) {
        long start = System.nanoTime();
        long end = start + window.toNanos();
        boolean everHealthy = false;
        boolean engineRunsHealth = health == null;
        List<String> healthOutputs = new ArrayList<>();
        long nextOwnHealth = start + interval.toNanos() * 2 + Duration.ofSeconds(2).toNanos();
        ContainerState last = null;
        String problem = null;
        String healthNote = "";
        long waited = 0;
        while (true) {
            ctx.cancel().throwIfCancelled();
            long now = System.nanoTime();
            last = ContainerWatch.inspect(engine, id).orElse(null);
            if (last == null) {
                problem = "the run-check container disappeared";
                break;
            }
            String hs = last.healthStatus();
            if (health != null && !last.healthOutputs().isEmpty()) {
                engineRunsHealth = true;
                healthOutputs = tail(last.healthOutputs());
            }
            if (health != null && !engineRunsHealth && now >= nextOwnHealth && last.running()) {
                // the engine runs no health checks (podman without systemd timers): run the command the same way
                healthNote = " (health command run by Slipway through the engine's exec: the engine ran none)";
                ExecResult r = engine.exec(id, List.of("/bin/sh", "-c", health), null, (l, err) -> {
                }, ctx.cancel());
                healthOutputs.add("exit " + r.exitCode());
                healthOutputs = tail(healthOutputs);
                hs = r.succeeded() ? "healthy" : "unhealthy";
                nextOwnHealth = now + interval.toNanos();
            } else if (health != null && !engineRunsHealth) {
                hs = everHealthy ? "healthy" : "starting";
            }
            everHealthy |= "healthy".equals(hs);
            ticks.tick(ctx.node(), Duration.ofNanos(now - start), last.running(), hs, last.restartCount());
            problem = problem(last, hs, seen);
            if (problem != null || now >= end) {
                if (problem == null && health != null && !everHealthy) {
                    problem = "never became healthy within the " + window.toSeconds() + " s watch window";
                }
                last = new ContainerState(last.running(), last.status(), last.exitCode(), last.restartCount(),
                        last.oomKilled(), hs, last.failingStreak(), last.healthOutputs());
                break;
            }
            long w0 = System.nanoTime();
            sleep(Math.min(1_000, Math.max(50, (end - now) / 1_000_000)));
            waited += System.nanoTime() - w0;
        }
        long watched = (System.nanoTime() - start) / 1_000_000;
        RunStatus status = problem == null ? RunStatus.HEALTHY : RunStatus.ABNORMAL;
        String summary = problem == null
                ? "healthy: kept running for the " + window.toSeconds() + " s watch window"
                + (health == null ? " (liveness only)" : ", health command passed") + healthNote
                : "abnormal: " + problem + healthNote;
        RunEvidence evidence = new RunEvidence(last != null && last.running(), last == null ? null : last.exitCode(),
                last == null ? 0 : last.restartCount(), last != null && last.oomKilled(),
                last == null ? null : last.healthStatus(), healthOutputs, watched, summary, waited / 1_000_000);
        LOG.info("node {}: run check {}: {}", ctx.node(), status, summary);
        return new Result(status, basis, evidence, (System.nanoTime() - t0) / 1_000_000);
    }

    /** What makes the run abnormal, or null while it looks fine. */
    private static String problem(ContainerState s, String health, List<String> events) {
        if (s.oomKilled() || events.contains("oom")) {
            return "OOM-killed (exit code " + s.exitCode() + ")";
        }
        if (s.restartCount() > 0 || events.contains("restart")) {
            return "restarted " + Math.max(1, s.restartCount()) + " time(s)";
        }
        if (!s.running()) {
            return "the run-command exited with code " + s.exitCode();
        }
        if ("unhealthy".equals(health) || events.stream().anyMatch(e -> e.contains("unhealthy"))) {
            return "the health command reported unhealthy";
        }
        return null;
    }

    /** Short enough to reach a verdict in a short window, at most every 5 s. */
    private Duration healthInterval() {
        long ms = Math.max(1_000, Math.min(5_000, window.toMillis() / 6));
        return Duration.ofMillis(ms);
    }

    private static List<String> tail(List<String> l) {
        return new ArrayList<>(l.subList(Math.max(0, l.size() - KEEP_HEALTH_OUTPUTS), l.size()));
    }

    private static void removeQuietly(EngineClient engine, String id, String node) {
        try {
            engine.removeContainer(id);
        } catch (RuntimeException e) {
            LOG.warn("node {}: removing run-check container {} failed: {}", node, id, e.getMessage());
        }
    }

    private static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                LOG.debug("closing: {}", e.toString());
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancellation.CancellationSignal();
        }
    }
}
