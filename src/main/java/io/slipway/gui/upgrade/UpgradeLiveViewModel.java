package io.slipway.gui.upgrade;

import io.slipway.core.engine.TransferProgress;
import io.slipway.core.upgrade.RunStatus;
import io.slipway.core.upgrade.TargetAction;
import io.slipway.core.upgrade.TargetPhase;
import io.slipway.core.upgrade.UpgradeEvent;
import io.slipway.core.upgrade.UpgradeListener;
import io.slipway.core.upgrade.UpgradeRun;
import io.slipway.core.upgrade.UpgradeStatus;
import io.slipway.core.upgrade.UpgradeSummary;
import io.slipway.core.upgrade.UpgradeTargetRecord;
import io.slipway.gui.common.Formats;
import io.slipway.gui.tasks.LiveEvents;
import io.slipway.gui.tasks.TaskExecutor;
import io.slipway.gui.tasks.Tasks;
import io.slipway.gui.tasks.UiDispatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live upgrade run: starts it from the Upgrade… form (or resumes / retries it) and turns the core's
 * {@link UpgradeEvent}s, which arrive on pipeline threads, into one row per node × software, batched onto the UI
 * thread by {@link LiveEvents}: current step, progress, elapsed, both verdicts as they come and the run-check
 * countdown. Resume and retry need the registry passphrase again (it is never kept).
 */
public final class UpgradeLiveViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(UpgradeLiveViewModel.class);
    static final long FLUSH_INTERVAL_MS = 75;

    private final UpgradeStarter starter;
    private final TaskExecutor executor;
    private final UiDispatcher ui;
    private final Supplier<Instant> now;
    private final Runnable onFinished;
    private final LiveEvents<UpgradeEvent> events;
    private final UpgradeListener listener;

    private final ObservableList<LiveTargetRow> rows = FXCollections.observableArrayList();
    private final Map<String, LiveTargetRow> byKey = new LinkedHashMap<>();
    private final ObservableList<String> registries = FXCollections.observableArrayList();
    private final StringProperty title = new SimpleStringProperty(this, "title", "No upgrade running");
    private final StringProperty wave = new SimpleStringProperty(this, "wave", "");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    private final BooleanProperty retryAvailable = new SimpleBooleanProperty(this, "retryAvailable");

    // UI thread only
    private long runId = -1;
    private UpgradeRun current;
    private String registry;
    private boolean abortRequested;

    public UpgradeLiveViewModel(UpgradeStarter starter, TaskExecutor executor, UiDispatcher ui, Runnable onFinished) {
        this(starter, executor, ui, onFinished, Instant::now, System::nanoTime);
    }

    UpgradeLiveViewModel(UpgradeStarter starter, TaskExecutor executor, UiDispatcher ui, Runnable onFinished,
                         Supplier<Instant> now, java.util.function.LongSupplier nanoClock) {
        this.starter = starter;
        this.executor = executor;
        this.ui = ui;
        this.now = now;
        this.onFinished = onFinished;
        this.events = new LiveEvents<>(ui, FLUSH_INTERVAL_MS, nanoClock, this::apply);
        this.listener = e -> {
            if (e instanceof UpgradeEvent.TransferProgressed t) {
                events.latest("transfer/" + t.node() + "/" + t.software(), e);
            } else if (e instanceof UpgradeEvent.RunCheckTick t) {
                events.latest("check/" + t.node() + "/" + t.software(), e);
            } else {
                events.post(e);
            }
        };
    }

    /** Loads the registries Upgrade… offers. */
    public void loadRegistries() {
        Tasks.create(progress -> starter.registries()).title("Loading registries")
                .onSuccess(registries::setAll)
                .onError(Exception.class, e -> message.set("Could not load the registries: " + e.getMessage()))
                .runOn(executor);
    }

    /**
     * Starts the run of {@code form} in the background; {@code onStarted} (which closes the dialog) runs once it is
     * recorded. A refusal (registry locked, no targets) stays in the form.
     */
    public void start(UpgradeForm form, Runnable onStarted) {
        if (active.get()) {
            form.submitFailed("An upgrade is already running here; wait for it or abort it.");
            return;
        }
        if (!form.beginSubmit("Opening the registry and starting the run…")) {
            return;
        }
        char[] passphrase = form.passphrase().copy();
        String chosen = form.registryProperty().get();
        begin("Starting upgrade of offer '" + form.scope().offer().name() + "'", chosen,
                () -> starter.start(form, passphrase, listener), () -> {
                    form.submitDone();
                    onStarted.run();
                }, form::submitFailed);
    }

    /** Goes on with the paused run shown (its next wave). */
    public void resume(char[] passphrase) {
        if (!active.get() && paused.get()) {
            long id = runId;
            begin("Resuming upgrade run " + id, registry, () -> starter.resume(id, registry, passphrase, listener),
                    () -> { }, message::set);
        }
    }

    /** Runs the failed, abnormal, aborted and interrupted targets of the run shown again. */
    public void retryFailed(char[] passphrase) {
        if (!active.get() && retryAvailable.get()) {
            long id = runId;
            begin("Retrying failed targets of upgrade run " + id, registry,
                    () -> starter.retry(id, registry, passphrase, listener), () -> { }, message::set);
        }
    }

    /** Stops the running run (or ends a paused one): targets not finished end aborted. */
    public void abort() {
        if (active.get()) {
            abortRequested = true;
            message.set("Aborting…");
            if (current != null) {
                current.abort();
            }
        } else if (paused.get()) {
            long id = runId;
            Tasks.create(progress -> {
                starter.abort(id);
                return id;
            }).title("Aborting upgrade run " + id).onSuccess(x -> {
                paused.set(false);
                retryAvailable.set(false);
                message.set("Upgrade run " + id + " aborted.");
                onFinished.run();
            }).onError(Exception.class, e -> message.set(e.getMessage())).runOn(executor);
        }
    }

    private void begin(String what, String registryName, Supplier<UpgradeRun> work, Runnable onStarted,
                       java.util.function.Consumer<String> onRefused) {
        events.clear();
        rows.clear();
        byKey.clear();
        message.set("");
        wave.set("");
        active.set(true);
        paused.set(false);
        retryAvailable.set(false);
        abortRequested = false;
        title.set(what + "…");
        Tasks.create(progress -> work.get()).title(what)
                .onSuccess(run -> {
                    current = run;
                    runId = run.id();
                    registry = registryName;
                    onStarted.run();
                    if (abortRequested) {
                        run.abort();
                    }
                    run.completion().whenComplete((s, e) -> {
                        if (e != null) {
                            events.post(new UpgradeEvent.RunPaused(runId, 0, "ended abnormally: " + e.getMessage()));
                        }
                    });
                })
                .onError(Exception.class, e -> {
                    LOG.warn("{} failed", what, e);
                    active.set(false);
                    title.set(what + " failed");
                    onRefused.accept(e.getMessage());
                })
                .runOn(executor);
    }

    /** The listener the core calls (on pipeline threads). */
    public UpgradeListener listener() {
        return listener;
    }

    private void apply(List<UpgradeEvent> batch) {
        Map<LiveTargetRow, List<String>> logs = new LinkedHashMap<>();
        for (UpgradeEvent e : batch) {
            if (e instanceof UpgradeEvent.LogLine l) {
                LiveTargetRow row = byKey.get(l.node() + "/" + l.software());
                if (row != null) {
                    logs.computeIfAbsent(row, r -> new ArrayList<>()).add(l.line());
                }
            } else {
                apply(e);
            }
        }
        logs.forEach(LiveTargetRow::addLog);
        updateElapsed();
        updateSummary();
    }

    private void apply(UpgradeEvent e) {
        if (e instanceof UpgradeEvent.RunStarted s) {
            runId = s.runId();
            title.set("Upgrade run #" + s.runId() + ": offer '" + s.offerName() + "', "
                    + Formats.plural(s.targets().size(), "target", "targets") + " in "
                    + Formats.plural(s.waves().size(), "wave", "waves") + (s.continued() ? " (continued)" : ""));
            s.targets().forEach(this::update);
            events.tickWhile(active::get, this::updateElapsed);
        } else if (e instanceof UpgradeEvent.WaveStarted w) {
            wave.set("Wave " + w.wave() + " of " + w.waveCount() + ": " + Formats.plural(w.nodes().size(), "node",
                    "nodes") + ", at most " + percent(w.threshold()) + " may fail");
        } else if (e instanceof UpgradeEvent.TargetChanged c) {
            update(c.target());
        } else if (e instanceof UpgradeEvent.TargetFinished f) {
            LiveTargetRow row = update(f.target());
            row.countdownProperty().set("");
        } else if (e instanceof UpgradeEvent.TransferProgressed t) {
            LiveTargetRow row = byKey.get(t.node() + "/" + t.software());
            if (row != null && row.recordProperty().get().phase() == TargetPhase.UPGRADING) {
                TransferProgress p = t.progress();
                boolean known = p.bytesTotal() > 0 || p.layersTotal() > 0;
                row.progressProperty().set(known ? p.fraction() : -1);
                row.stepProperty().set(t.step() + " " + (p.bytesTotal() > 0 ? String.format(Locale.ROOT,
                        "%.1f / %.1f MB", p.bytesDone() / 1e6, p.bytesTotal() / 1e6) : ""));
            }
        } else if (e instanceof UpgradeEvent.RunCheckTick t) {
            LiveTargetRow row = byKey.get(t.node() + "/" + t.software());
            if (row != null && row.recordProperty().get().phase() == TargetPhase.RUN_CHECK) {
                long left = Math.max(0, t.window().minus(t.elapsed()).toSeconds());
                row.countdownProperty().set("run check: " + left + " s left · " + (t.running() ? "running" : "stopped")
                        + (t.healthStatus() == null ? "" : " · " + t.healthStatus()) + " · "
                        + Formats.plural(t.restartCount(), "restart", "restarts"));
                row.progressProperty().set(t.window().isZero() ? -1
                        : Math.min(1, t.elapsed().toMillis() / (double) t.window().toMillis()));
            }
        } else if (e instanceof UpgradeEvent.WaveFinished w) {
            wave.set("Wave " + w.wave() + " finished: " + w.failed() + " of " + w.targets() + " failed or abnormal ("
                    + (w.passed() ? "within" : "past") + " its threshold of " + percent(w.threshold()) + ")");
        } else if (e instanceof UpgradeEvent.RunPaused p) {
            message.set("Paused" + (p.wave() > 0 ? " after wave " + p.wave() : "") + ": " + p.reason()
                    + ". Resume goes on with the next wave; Retry failed runs the failed targets again; Abort ends it.");
        } else if (e instanceof UpgradeEvent.RunEnded end) {
            finish(end.summary());
        }
    }

    private LiveTargetRow update(UpgradeTargetRecord t) {
        LiveTargetRow row = byKey.computeIfAbsent(t.node() + "/" + t.software(), k -> {
            LiveTargetRow r = new LiveTargetRow(t);
            rows.add(r);
            return r;
        });
        row.recordProperty().set(t);
        if (row.startedAt() == null && t.startedAt() != null) {
            row.startedAt(t.startedAt());
        }
        if (t.phase().isFinal()) {
            row.endedAt(t.finishedAt() != null ? t.finishedAt() : now.get());
            row.progressProperty().set(1);
            row.stepProperty().set(Verdicts.outcome(t));
        } else {
            row.endedAt(null);
            row.stepProperty().set(t.phase() == TargetPhase.UPGRADING && t.step() != null ? t.step()
                    : t.phase().label());
            if (t.phase() == TargetPhase.PENDING) {
                row.progressProperty().set(0);
            } else if (t.phase() != TargetPhase.RUN_CHECK) {
                row.progressProperty().set(-1);
            }
        }
        return row;
    }

    private void finish(UpgradeSummary s) {
        active.set(false);
        current = null;
        boolean isPaused = s.state().canContinue();
        paused.set(isPaused);
        retryAvailable.set(registry != null && s.targets().stream().anyMatch(UpgradeTargetRecord::isRetriable));
        String end = "Upgrade run #" + s.runId() + " " + s.state().label() + " after " + Formats.duration(s.duration())
                + (s.pauseReason() == null || s.pauseReason().isBlank() ? "" : ": " + s.pauseReason());
        message.set(isPaused ? end + ". Resume goes on with the next wave; Retry failed runs the failed targets "
                + "again; Abort ends it." : end + ".");
        s.targets().forEach(this::update);
        updateElapsed();
        updateSummary();
        try {
            onFinished.run();
        } catch (RuntimeException ex) {
            LOG.warn("refreshing after the upgrade run failed", ex);
        }
    }

    private static String percent(double share) {
        return io.slipway.core.upgrade.FailureShare.format(share);
    }

    private void updateElapsed() {
        Instant t = now.get();
        rows.forEach(r -> r.updateElapsed(t));
    }

    /** {@code 4 targets · upgrade: 3 succeeded, 1 failed · run: 2 healthy, 1 abnormal, 1 not checked · …}. */
    private void updateSummary() {
        if (rows.isEmpty()) {
            summary.set("");
            return;
        }
        List<UpgradeTargetRecord> targets = rows.stream().map(r -> r.recordProperty().get()).toList();
        long running = targets.stream().filter(t -> !t.phase().isFinal() && t.phase() != TargetPhase.PENDING).count();
        long waiting = targets.stream().filter(t -> t.phase() == TargetPhase.PENDING).count();
        summary.set(Formats.plural(targets.size(), "target", "targets") + " · upgrade: "
                + count(targets, UpgradeStatus.SUCCEEDED) + " succeeded, " + count(targets, UpgradeStatus.FAILED)
                + " failed · run: " + count(targets, RunStatus.HEALTHY) + " healthy, "
                + count(targets, RunStatus.ABNORMAL) + " abnormal, " + count(targets, RunStatus.NOT_CHECKED)
                + " not checked · " + count(targets, TargetAction.ROLLED_BACK) + " rolled back · " + running
                + " running, " + waiting + " waiting");
    }

    private static long count(List<UpgradeTargetRecord> targets, Object verdict) {
        return targets.stream().filter(t -> verdict == t.upgradeStatus() || verdict == t.runStatus()
                || verdict == t.action()).count();
    }

    public ObservableList<LiveTargetRow> rows() {
        return rows;
    }

    public ObservableList<String> registries() {
        return registries;
    }

    public StringProperty titleProperty() {
        return title;
    }

    /** The wave under way (or the last one's result). */
    public StringProperty waveProperty() {
        return wave;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    /** Refusals, the pause reason, the end-of-run line. */
    public StringProperty messageProperty() {
        return message;
    }

    /** A run is starting or running here (Abort enabled, Upgrade… disabled). */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** The run shown paused on a threshold (Resume enabled). */
    public BooleanProperty pausedProperty() {
        return paused;
    }

    public BooleanProperty retryAvailableProperty() {
        return retryAvailable;
    }

    int flushCount() {
        return events.flushCount();
    }
}
