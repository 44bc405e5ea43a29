package io.slipway.gui.deploy;

import io.slipway.core.audit.AuditReasons;
import io.slipway.core.deploy.DeployListener;
import io.slipway.core.deploy.DeploySummary;
import io.slipway.core.deploy.NodeDeployState;
import io.slipway.core.deploy.NodeOutcome;
import io.slipway.core.engine.TransferProgress;
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
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live deploy: starts a deploy (or retries its failed nodes) and turns the pipeline's events, which arrive on
 * pipeline threads, into per-node rows, step spans for the timeline and summary counts. Events are queued and
 * applied on the UI thread in batches at most every {@link #FLUSH_INTERVAL_MS} ms; byte progress is coalesced to
 * the newest value per node, so a fast transfer cannot flood the UI thread.
 */
public final class DeployProgressViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DeployProgressViewModel.class);
    static final long FLUSH_INTERVAL_MS = 75;

    private final DeployStarter starter;
    private final TaskExecutor executor;
    private final UiDispatcher ui;
    private final Supplier<Instant> now;
    private final LongSupplier nanoClock;
    private final Runnable onFinished;

    private final ObservableList<LiveNodeRow> rows = FXCollections.observableArrayList();
    private final Map<String, LiveNodeRow> byNode = new LinkedHashMap<>();
    private final ObservableList<StepSpan> spans = FXCollections.observableArrayList();
    private final ObservableList<String> nodeChoices = FXCollections.observableArrayList();
    private final ObservableList<String> groupChoices = FXCollections.observableArrayList();
    private final ObservableList<String> registryChoices = FXCollections.observableArrayList();
    private final StringProperty title = new SimpleStringProperty(this, "title", "No deploy running");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final IntegerProperty done = new SimpleIntegerProperty(this, "done");
    private final IntegerProperty skipped = new SimpleIntegerProperty(this, "skipped");
    private final IntegerProperty failed = new SimpleIntegerProperty(this, "failed");
    private final IntegerProperty running = new SimpleIntegerProperty(this, "running");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final BooleanProperty retryAvailable = new SimpleBooleanProperty(this, "retryAvailable");

    // filled on pipeline threads, applied on the UI thread
    private final LiveEvents<Object> events;
    private final DeployListener listener = new Listener();

    // UI thread only
    private long deployId = -1;
    private Instant deployStartedAt;
    private DeployStarter.RunningDeploy current;
    private boolean abortRequested;
    private String lastRegistry;
    private int lastParallelism = 4;

    public DeployProgressViewModel(DeployStarter starter, TaskExecutor executor, UiDispatcher ui, Runnable onFinished) {
        this(starter, executor, ui, onFinished, Instant::now, System::nanoTime);
    }

    DeployProgressViewModel(DeployStarter starter, TaskExecutor executor, UiDispatcher ui, Runnable onFinished,
                            Supplier<Instant> now, LongSupplier nanoClock) {
        this.starter = starter;
        this.executor = executor;
        this.ui = ui;
        this.onFinished = onFinished;
        this.now = now;
        this.nanoClock = nanoClock;
        this.events = new LiveEvents<>(ui, FLUSH_INTERVAL_MS, nanoClock, this::flush);
    }

    /** Loads the nodes, groups and registries the "New deploy" dialog offers. */
    public void loadChoices() {
        Tasks.create(progress -> starter.choices()).title("Loading deploy choices")
                .onSuccess(c -> {
                    nodeChoices.setAll(c.nodes());
                    groupChoices.setAll(c.groups());
                    registryChoices.setAll(c.registries());
                })
                .onError(Exception.class, e -> message.set("Could not load nodes and registries: " + e.getMessage()))
                .runOn(executor);
    }

    /** Starts a deploy in the background; the form's passphrase is wiped once the registry is open. */
    public void start(NewDeployForm form) {
        start(form, null);
    }

    /** As {@link #start(NewDeployForm)}; {@code reason} (may be blank) is recorded with the deploy's start. */
    public void start(NewDeployForm form, String reason) {
        if (active.get()) {
            message.set("A deploy is already running here; wait for it or abort it.");
            return;
        }
        String problem = form.problem();
        if (!problem.isEmpty()) {
            message.set(problem);
            return;
        }
        lastRegistry = form.registry();
        lastParallelism = form.parallelism();
        begin("Starting deploy of " + form.software() + " " + form.version(),
                () -> AuditReasons.during(reason, () -> starter.start(form, listener)));
    }

    /** Retries the failed nodes of the deploy shown; needs the passphrase again (it was not kept). */
    public void retryFailed(char[] passphrase) {
        if (active.get() || !retryAvailable.get()) {
            return;
        }
        long id = deployId;
        begin("Retrying failed nodes of deploy " + id,
                () -> starter.retry(id, lastParallelism, lastRegistry, passphrase, listener));
    }

    private void begin(String what, Supplier<DeployStarter.RunningDeploy> work) {
        clear();
        active.set(true);
        retryAvailable.set(false);
        abortRequested = false;
        title.set(what + "…");
        Tasks.create(progress -> work.get()).title(what)
                .onSuccess(run -> {
                    current = run;
                    deployId = run.id();
                    if (abortRequested) {
                        run.abort();
                    }
                    run.completion().whenComplete((s, e) -> {
                        if (e != null) {
                            post(new Failure(e));
                        }
                    });
                })
                .onError(Exception.class, e -> {
                    LOG.warn("{} failed", what, e);
                    active.set(false);
                    title.set(what + " failed");
                    message.set(e.getMessage());
                })
                .runOn(executor);
    }

    private void clear() {
        drainQueues();
        rows.clear();
        byNode.clear();
        spans.clear();
        message.set("");
        deployStartedAt = null;
        updateCounts();
    }

    private void drainQueues() {
        events.clear();
    }

    /** Stops the running deploy: streams closed, containers stopped; nodes end ABORTED. */
    public void abort() {
        if (!active.get()) {
            return;
        }
        abortRequested = true;
        message.set("Aborting…");
        if (current != null) {
            current.abort();
        }
    }

    /** The listener the core calls (on pipeline threads). */
    public DeployListener listener() {
        return listener;
    }

    private record Failure(Throwable error) {
    }

    private final class Listener implements DeployListener {
        @Override
        public void deployStarted(DeployStarted event) {
            post(event);
        }

        @Override
        public void nodeStateChanged(NodeStateChanged event) {
            post(event);
        }

        @Override
        public void stepFinished(StepFinished event) {
            post(event);
        }

        @Override
        public void transferProgress(TransferProgressed event) {
            events.latest(event.node(), event);
        }

        @Override
        public void logLine(LogLine event) {
            post(event);
        }

        @Override
        public void nodeFinished(NodeOutcome outcome) {
            post(outcome);
        }

        @Override
        public void deployFinished(DeploySummary s) {
            post(s);
        }
    }

    private void post(Object event) {
        events.post(event);
    }

    /** On the UI thread: applies a batch of events, then the newest transfer progress of each node. */
    private void flush(List<Object> batch) {
        Map<String, List<String>> logs = new LinkedHashMap<>();
        for (Object e : batch) {
            if (e instanceof DeployListener.LogLine l) {
                logs.computeIfAbsent(l.node(), k -> new ArrayList<>()).add(l.line());
            } else if (!(e instanceof DeployListener.TransferProgressed)) {
                apply(e);
            }
        }
        logs.forEach((node, lines) -> {
            LiveNodeRow row = byNode.get(node);
            if (row != null) {
                row.addLog(lines);
            }
        });
        for (Object e : batch) {
            LiveNodeRow row = e instanceof DeployListener.TransferProgressed t ? byNode.get(t.node()) : null;
            DeployListener.TransferProgressed t = row == null ? null : (DeployListener.TransferProgressed) e;
            if (t != null && row.stateProperty().get() == t.step()) {
                TransferProgress p = t.progress();
                boolean known = p.bytesTotal() > 0 || p.layersTotal() > 0;
                row.progressProperty().set(known ? p.fraction() : -1);
                row.stepProperty().set(t.step().label() + " " + transferText(p));
            }
        }
        updateElapsed();
        updateCounts();
    }

    private void apply(Object e) {
        if (e instanceof DeployListener.DeployStarted s) {
            deployId = s.deployId();
            deployStartedAt = s.at();
            title.set("Deploy #" + s.deployId() + ": " + s.software() + " " + s.version() + " on "
                    + Formats.plural(s.nodes().size(), "node", "nodes") + (s.forced() ? " (forced)" : "")
                    + (s.retryOf() != null ? " — retry of #" + s.retryOf() : ""));
            for (String n : s.nodes()) {
                row(n);
            }
            events.tickWhile(active::get, this::updateElapsed);
        } else if (e instanceof DeployListener.NodeStateChanged c) {
            LiveNodeRow row = row(c.node());
            if (row.startedAt() == null && c.to() != NodeDeployState.PENDING) {
                row.startedAt(c.at());
            }
            row.stateProperty().set(c.to());
            if (c.to().isTerminal()) {
                row.endedAt(c.at());
                row.stepProperty().set(c.to().label());
                row.progressProperty().set(1);
                row.resultProperty().set(resultText(c.to(), c.detail()));
            } else {
                row.stepProperty().set(c.to().label());
                row.progressProperty().set(c.to() == NodeDeployState.PENDING ? 0 : -1);
            }
        } else if (e instanceof DeployListener.StepFinished f) {
            Instant origin = deployStartedAt != null ? deployStartedAt : f.startedAt();
            spans.add(new StepSpan(f.node(), f.step(), seconds(Duration.between(origin, f.startedAt())),
                    seconds(f.duration()), f.outcome()));
        } else if (e instanceof NodeOutcome o) {
            LiveNodeRow row = row(o.node());
            row.stateProperty().set(o.state());
            row.stepProperty().set(o.failedStep() != null && !o.state().isSuccess()
                    ? o.state().label() + " at " + o.failedStep().label() : o.state().label());
            row.progressProperty().set(1);
            row.resultProperty().set(resultText(o.state(), o.detail()));
            if (o.startedAt() != null) {
                row.startedAt(o.startedAt());
                row.endedAt(o.duration() == null ? row.endedAt() : o.startedAt().plus(o.duration()));
            }
            if (row.log().isEmpty() && !o.logTail().isEmpty()) {
                row.addLog(o.logTail());
            }
        } else if (e instanceof DeploySummary s) {
            finish("Deploy #" + s.deployId() + " " + s.state().name().toLowerCase(Locale.ROOT) + " after "
                    + Formats.duration(s.duration()));
        } else if (e instanceof Failure f) {
            LOG.warn("deploy {} ended abnormally", deployId, f.error());
            finish("Deploy #" + deployId + " ended abnormally: " + f.error().getMessage());
        }
    }

    private void finish(String text) {
        active.set(false);
        current = null;
        message.set(text);
        updateElapsed();
        retryAvailable.set(deployId >= 0 && lastRegistry != null
                && rows.stream().anyMatch(r -> r.stateProperty().get().isRetriable()));
        try {
            onFinished.run();
        } catch (RuntimeException ex) {
            LOG.warn("refreshing the deploy history failed", ex);
        }
    }

    private LiveNodeRow row(String node) {
        return byNode.computeIfAbsent(node, n -> {
            LiveNodeRow r = new LiveNodeRow(n);
            rows.add(r);
            return r;
        });
    }

    private static String resultText(NodeDeployState state, String detail) {
        return detail == null || detail.isBlank() ? state.label() : state.label() + ": " + detail;
    }

    private static String transferText(TransferProgress p) {
        if (p.bytesTotal() > 0) {
            return String.format(Locale.ROOT, "%.1f / %.1f MB", p.bytesDone() / 1e6, p.bytesTotal() / 1e6);
        }
        return p.layersTotal() > 0 ? p.layersDone() + "/" + p.layersTotal() + " layers" : "";
    }

    private static double seconds(Duration d) {
        return d == null ? 0 : Math.max(0, d.toMillis() / 1000.0);
    }

    private void updateElapsed() {
        Instant t = now.get();
        rows.forEach(r -> r.updateElapsed(t));
    }

    private void updateCounts() {
        int d = 0;
        int s = 0;
        int f = 0;
        int r = 0;
        int p = 0;
        for (LiveNodeRow row : rows) {
            NodeDeployState st = row.stateProperty().get();
            if (st == NodeDeployState.DONE) {
                d++;
            } else if (st == NodeDeployState.SKIPPED) {
                s++;
            } else if (st.isTerminal()) {
                f++;
            } else if (st == NodeDeployState.PENDING) {
                p++;
            } else {
                r++;
            }
        }
        done.set(d);
        skipped.set(s);
        failed.set(f);
        running.set(r);
        summary.set(rows.isEmpty() ? "" : Formats.plural(rows.size(), "node", "nodes") + ": " + d + " done, " + s
                + " skipped, " + f + " failed, " + r + " running" + (p > 0 ? ", " + p + " waiting" : ""));
    }

    int flushCount() {
        return events.flushCount();
    }

    public ObservableList<LiveNodeRow> rows() {
        return rows;
    }

    public ObservableList<StepSpan> spans() {
        return spans;
    }

    public ObservableList<String> nodeChoices() {
        return nodeChoices;
    }

    public ObservableList<String> groupChoices() {
        return groupChoices;
    }

    public ObservableList<String> registryChoices() {
        return registryChoices;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    /** Errors and the end-of-deploy line. */
    public StringProperty messageProperty() {
        return message;
    }

    public IntegerProperty doneProperty() {
        return done;
    }

    public IntegerProperty skippedProperty() {
        return skipped;
    }

    public IntegerProperty failedProperty() {
        return failed;
    }

    public IntegerProperty runningProperty() {
        return running;
    }

    /** A deploy is starting or running (Abort enabled, New deploy disabled). */
    public BooleanProperty activeProperty() {
        return active;
    }

    public BooleanProperty retryAvailableProperty() {
        return retryAvailable;
    }
}
