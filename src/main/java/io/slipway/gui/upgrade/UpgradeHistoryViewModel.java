package io.slipway.gui.upgrade;

import io.slipway.core.common.Progress;
import io.slipway.core.deploy.StepRecord;
import io.slipway.core.upgrade.RunEvidence;
import io.slipway.core.upgrade.UpgradeHistoryEntry;
import io.slipway.core.upgrade.UpgradeService;
import io.slipway.core.upgrade.UpgradeTargetRecord;
import io.slipway.gui.common.Formats;
import io.slipway.gui.common.RefreshableViewModel;
import io.slipway.gui.tasks.TaskExecutor;
import io.slipway.gui.tasks.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Upgrade history: every target of every run (newest first), filtered by node, software and status; the selected
 * target's detail (both verdicts, evidence, images, its steps and build log, loaded in the background).
 */
public final class UpgradeHistoryViewModel extends RefreshableViewModel<List<UpgradeHistoryEntry>> {
    /** "Any" in the node and software filters. */
    public static final String ANY = "(any)";

    /** The selected target's steps and log, read from the workspace. */
    public record Detail(List<StepRecord> steps, String log) {
    }

    private final UpgradeService upgrades;
    private final TaskExecutor executor;
    private final List<UpgradeHistoryEntry> all = new ArrayList<>();
    private final ObservableList<UpgradeHistoryEntry> rows = FXCollections.observableArrayList();
    private final ObservableList<String> nodes = FXCollections.observableArrayList(ANY);
    private final ObservableList<String> software = FXCollections.observableArrayList(ANY);
    private final ObjectProperty<String> node = new SimpleObjectProperty<>(this, "node", ANY);
    private final ObjectProperty<String> softwareFilter = new SimpleObjectProperty<>(this, "software", ANY);
    private final ObjectProperty<HistoryFilter> status = new SimpleObjectProperty<>(this, "status", HistoryFilter.ALL);
    private final ObjectProperty<UpgradeHistoryEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final ObservableList<StepRecord> steps = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();

    public UpgradeHistoryViewModel(UpgradeService upgrades, TaskExecutor executor) {
        super(executor, "Loading upgrade history");
        this.upgrades = upgrades;
        this.executor = executor;
        node.addListener(o -> applyFilter());
        softwareFilter.addListener(o -> applyFilter());
        status.addListener(o -> applyFilter());
        selected.addListener((obs, was, now) -> showDetail(now));
    }

    @Override
    protected List<UpgradeHistoryEntry> load(Progress progress) {
        progress.progress(0, 0, "Reading upgrade history");
        return upgrades.history(null, null);
    }

    @Override
    protected void show(List<UpgradeHistoryEntry> loaded) {
        all.clear();
        all.addAll(loaded);
        TreeSet<String> n = new TreeSet<>();
        TreeSet<String> s = new TreeSet<>();
        loaded.forEach(e -> {
            n.add(e.target().node());
            s.add(e.target().software());
        });
        keepChoice(nodes, n, node);
        keepChoice(software, s, softwareFilter);
        applyFilter();
    }

    private static void keepChoice(ObservableList<String> choices, TreeSet<String> names, ObjectProperty<String> chosen) {
        String was = chosen.get();
        List<String> next = new ArrayList<>();
        next.add(ANY);
        next.addAll(names);
        choices.setAll(next);
        chosen.set(next.contains(was) ? was : ANY);
    }

    private void applyFilter() {
        UpgradeHistoryEntry keep = selected.get();
        List<UpgradeHistoryEntry> shown = all.stream().filter(e -> matches(node.get(), e.target().node())
                && matches(softwareFilter.get(), e.target().software()) && status.get().test(e.target())).toList();
        rows.setAll(shown);
        selected.set(keep != null && shown.contains(keep) ? keep : shown.isEmpty() ? null : shown.get(0));
        summary.set(Formats.plural(shown.size(), "target", "targets") + (shown.size() == all.size() ? ""
                : " (of " + all.size() + ")"));
    }

    private static boolean matches(String filter, String value) {
        return filter == null || ANY.equals(filter) || Objects.equals(filter, value);
    }

    private void showDetail(UpgradeHistoryEntry e) {
        steps.clear();
        log.clear();
        if (e == null) {
            detail.set("");
            return;
        }
        detail.set(describe(e));
        UpgradeTargetRecord t = e.target();
        Tasks.create(progress -> new Detail(upgrades.steps(t), upgrades.buildLog(t).orElse("")))
                .title("Reading the steps of " + t.key())
                .onSuccess(d -> {
                    if (selected.get() == e) {
                        steps.setAll(d.steps());
                        log.setAll(d.log().isEmpty() ? List.of("(no build log stored)") : d.log().lines().toList());
                    }
                })
                .onError(Exception.class, ex -> log.setAll("Could not read the steps: " + ex.getMessage()))
                .runOn(executor);
    }

    /** The detail pane's text: verdicts, evidence, images, timings. */
    static String describe(UpgradeHistoryEntry e) {
        UpgradeTargetRecord t = e.target();
        StringBuilder b = new StringBuilder();
        b.append(t.node()).append(" · ").append(t.software()).append(' ')
                .append(t.fromVersion() == null ? "install " + t.toVersion() : t.fromVersion() + " → " + t.toVersion())
                .append(" · run #").append(e.runId()).append(" (offer '").append(e.offerName()).append("', ")
                .append(e.who()).append(", ").append(Formats.time(e.runStartedAt())).append(", wave ").append(t.wave())
                .append(")\n");
        b.append("Outcome: ").append(Verdicts.outcome(t)).append("\nUpgrade status: ")
                .append(Formats.orNone(Verdicts.upgrade(t))).append("\nRun status: ")
                .append(Formats.orNone(Verdicts.run(t))).append('\n');
        if (t.detail() != null && !t.detail().isBlank()) {
            b.append("Detail: ").append(t.detail()).append('\n');
        }
        RunEvidence ev = t.evidence();
        if (ev != null && ev != RunEvidence.NONE && ev.watchedMs() > 0) {
            b.append("Evidence: ").append(Formats.orNone(ev.summary())).append(" · watched ")
                    .append(Formats.durationMs(ev.watchedMs())).append(" · ")
                    .append(ev.running() ? "still running" : "exit code " + ev.exitCode()).append(" · ")
                    .append(Formats.plural(ev.restartCount(), "restart", "restarts"))
                    .append(ev.oomKilled() ? " · OOM-killed" : "")
                    .append(ev.healthStatus() == null ? "" : " · health " + ev.healthStatus()).append('\n');
            ev.healthOutputs().forEach(o -> b.append("  health output: ").append(o.strip()).append('\n'));
        }
        b.append("Environment image: ").append(Formats.orNone(t.envImage()))
                .append(t.envDigest() == null ? "" : " @ " + t.envDigest()).append('\n');
        b.append("Software image: ").append(Formats.orNone(t.softwareImage()))
                .append(t.softwareDigest() == null ? "" : " @ " + t.softwareDigest()).append('\n');
        b.append("Duration: ").append(Formats.durationMs(t.durationMs())).append(" (run check ")
                .append(Formats.durationMs(t.checkMs())).append("), attempts: ").append(t.attempts());
        return b.toString();
    }

    public ObservableList<UpgradeHistoryEntry> rows() {
        return rows;
    }

    public ObservableList<String> nodes() {
        return nodes;
    }

    public ObservableList<String> software() {
        return software;
    }

    public ObjectProperty<String> nodeProperty() {
        return node;
    }

    public ObjectProperty<String> softwareProperty() {
        return softwareFilter;
    }

    public ObjectProperty<HistoryFilter> statusProperty() {
        return status;
    }

    public ObjectProperty<UpgradeHistoryEntry> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The selected target's verdicts, evidence and images. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ObservableList<StepRecord> steps() {
        return steps;
    }

    public ObservableList<String> log() {
        return log;
    }
}
