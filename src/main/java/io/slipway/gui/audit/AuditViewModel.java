package io.slipway.gui.audit;

import io.slipway.core.audit.ActionGroup;
import io.slipway.core.audit.AuditEvent;
import io.slipway.core.audit.AuditFilter;
import io.slipway.core.audit.AuditTimes;
import io.slipway.core.audit.AuditTrail;
import io.slipway.core.audit.ChainVerification;
import io.slipway.core.audit.export.ExportFormat;
import io.slipway.core.audit.export.WorkspaceExports;
import io.slipway.core.common.Progress;
import io.slipway.core.common.UserFacingException;
import io.slipway.gui.common.RefreshableViewModel;
import io.slipway.gui.tasks.TaskExecutor;
import io.slipway.gui.tasks.Tasks;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The audit trail, newest first, a page at a time (never the whole trail in memory): filters by time range, action
 * group, subject and who, a quick text search, a detail pane for the selected event, and a background check of the
 * hash chain that selects the first broken event.
 */
public final class AuditViewModel extends RefreshableViewModel<AuditViewModel.Loaded> {
    /** Events per page; "More" loads the next page. */
    static final int PAGE = 200;
    /** The action choice that filters nothing. */
    public static final String ALL_ACTIONS = "all actions";

    /** Where the last chain check left things, for the result label's colour. */
    public enum Verdict { NOT_CHECKED, CHECKING, INTACT, BROKEN, FAILED }

    /** What one load reads: a page, whether more match, and the trail's size. */
    public record Loaded(List<AuditEvent> page, boolean more, long total) {
    }

    private final AuditTrail audit;
    private final Consumer<Runnable> fx;
    private final ObservableList<AuditEvent> events = FXCollections.observableArrayList();
    private final ObservableList<String> actionChoices = FXCollections.observableArrayList();
    private final StringProperty since = new SimpleStringProperty(this, "since", "");
    private final StringProperty until = new SimpleStringProperty(this, "until", "");
    private final StringProperty action = new SimpleStringProperty(this, "action", ALL_ACTIONS);
    private final StringProperty subject = new SimpleStringProperty(this, "subject", "");
    private final StringProperty who = new SimpleStringProperty(this, "who", "");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper(this, "filterError", "");
    private final ObjectProperty<AuditEvent> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<AuditEventDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper verifyResult = new ReadOnlyStringWrapper(this, "verifyResult", "");
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict", Verdict.NOT_CHECKED);
    private final ReadOnlyBooleanWrapper verifying = new ReadOnlyBooleanWrapper(this, "verifying");
    private final ReadOnlyDoubleWrapper verifyProgress = new ReadOnlyDoubleWrapper(this, "verifyProgress", 0);
    private AuditFilter shown = AuditFilter.ALL;
    private final ReadOnlyStringWrapper exportResult = new ReadOnlyStringWrapper(this, "exportResult", "");
    private Consumer<AuditLink> navigator = link -> { };
    private WorkspaceExports exports;

    public AuditViewModel(AuditTrail audit, TaskExecutor executor) {
        this(audit, executor, Runnable::run);
    }

    /** {@code fx}: runs progress updates on the UI thread (Platform::runLater in the console). */
    public AuditViewModel(AuditTrail audit, TaskExecutor executor, Consumer<Runnable> fx) {
        super(executor, "Loading audit events");
        this.audit = audit;
        this.fx = fx;
        actionChoices.add(ALL_ACTIONS);
        for (ActionGroup g : ActionGroup.values()) {
            actionChoices.add(g.label());
        }
        selected.addListener((obs, was, now) -> detail.set(now == null ? null : AuditEventDetail.of(now)));
    }

    /** The filter the fields describe; a bad time sets {@link #filterErrorProperty()} and keeps the last filter. */
    Optional<AuditFilter> filterFromFields() {
        try {
            String a = ALL_ACTIONS.equals(action.get()) ? null : action.get();
            AuditFilter f = new AuditFilter(AuditTimes.parse("From", blank(since.get())),
                    AuditTimes.parse("To", blank(until.get())), a, subject.get(), who.get(), search.get());
            filterError.set("");
            return Optional.of(f);
        } catch (UserFacingException e) {
            filterError.set(e.getMessage());
            return Optional.empty();
        }
    }

    /** Shows the first page of what the fields now choose (superseding a load still running). */
    public void applyFilter() {
        filterFromFields().ifPresent(f -> {
            shown = f;
            refresh();
        });
    }

    /** Empties every filter field and shows the newest events. */
    public void clearFilter() {
        since.set("");
        until.set("");
        action.set(ALL_ACTIONS);
        subject.set("");
        who.set("");
        search.set("");
        applyFilter();
    }

    @Override
    protected Loaded load(Progress progress) {
        progress.progress(0, 0, "Reading audit events");
        AuditFilter f = shown;
        // one row more than a page says whether there is more, without counting a million matches
        List<AuditEvent> page = audit.queries().newest(f, PAGE + 1);
        boolean more = page.size() > PAGE;
        return new Loaded(more ? page.subList(0, PAGE) : page, more, audit.count());
    }

    @Override
    protected void show(Loaded loaded) {
        events.setAll(loaded.page());
        hasMore.set(loaded.more());
        int n = loaded.page().size();
        if (shown.isAll()) {
            summary.set(loaded.more() ? "latest " + n + " of " + loaded.total() + " events" : loaded.total() + " events");
        } else {
            summary.set((loaded.more() ? "newest " + n + " matching events" : n + " matching") + " ("
                    + loaded.total() + " events in all)");
        }
    }

    /** Appends the next page of older matching events. */
    public void loadMore() {
        if (events.isEmpty()) {
            return;
        }
        long before = events.get(events.size() - 1).seq();
        AuditFilter f = shown;
        Tasks.create(p -> audit.queries().pageBefore(f, before, PAGE))
                .title("Loading older audit events")
                .onSuccess(page -> {
                    if (f == shown) {
                        events.addAll(page);
                        hasMore.set(page.size() == PAGE);
                    }
                })
                .runOn(executor());
    }

    /** Recomputes the whole hash chain as a background task, with progress; selects the first broken event. */
    public void verifyChain() {
        verifying.set(true);
        verdict.set(Verdict.CHECKING);
        verifyProgress.set(0);
        verifyResult.set("Verifying…");
        Tasks.create(p -> {
                    p.progress(0, 0, "Recomputing the audit hash chain");
                    ChainVerification v = audit.verify((done, total) -> {
                        p.progress(done, total, "Verified " + done + " of " + total + " audit events");
                        fx.accept(() -> verifyProgress.set(total <= 0 ? 0 : (double) done / total));
                    });
                    Optional<AuditEvent> first = v.firstBrokenSeq().flatMap(s -> audit.queries().bySeq(s));
                    return new Checked(v, first);
                })
                .title("Verifying audit chain")
                .onSuccess(this::showVerification)
                .onError(Exception.class, e -> {
                    verdict.set(Verdict.FAILED);
                    verifyResult.set("Could not verify: " + e.getMessage());
                })
                .andFinally(() -> verifying.set(false))
                .runOn(executor());
    }

    private record Checked(ChainVerification v, Optional<AuditEvent> firstBroken) {
    }

    private void showVerification(Checked c) {
        ChainVerification v = c.v();
        verifyProgress.set(1);
        if (v.intact()) {
            verdict.set(Verdict.INTACT);
            verifyResult.set("intact: " + v.eventsChecked() + " events");
            return;
        }
        verdict.set(Verdict.BROKEN);
        verifyResult.set("BROKEN at event " + v.firstBrokenSeq().orElseThrow() + ": " + v.reason());
        c.firstBroken().ifPresent(e -> {
            if (events.stream().noneMatch(x -> x.seq() == e.seq())) {
                events.add(0, e); // the broken event may be outside the page or the filter: show it anyway
            }
            selected.set(events.stream().filter(x -> x.seq() == e.seq()).findFirst().orElse(e));
        });
    }

    /**
     * Exports the events the current filter shows (all pages) to {@code file}, in the background; signed with the
     * workspace key when {@code passphrase} is not empty (it is wiped).
     */
    public void exportShown(Path file, ExportFormat format, char[] passphrase) {
        if (exports == null) {
            exportResult.set("Export is not available here.");
            return;
        }
        AuditFilter f = shown;
        Optional<char[]> pass = passphrase == null || passphrase.length == 0 ? Optional.empty()
                : Optional.of(passphrase);
        exportResult.set("Exporting…");
        Tasks.create(p -> {
                    p.progress(0, 0, "Exporting audit events to " + file);
                    return exports.export(file, format, f, format == ExportFormat.CSV, pass);
                })
                .title("Exporting audit events")
                .onSuccess(r -> exportResult.set("Exported " + r.events() + " events to " + r.file()
                        + r.keyFingerprint().map(k -> ", signed by key " + k).orElse(" (unsigned)")))
                .onError(Exception.class, e -> exportResult.set("Export failed: " + e.getMessage()))
                .runOn(executor());
    }

    /** Whether the passphrase asked for signing is the existing one (else the one typed becomes it). */
    public boolean workspaceHasPassphrase() {
        return exports != null && exports.hasPassphrase();
    }

    /** Set by the console: the workspace's exports (signing needs its passphrase). */
    public void setExports(WorkspaceExports exports) {
        this.exports = exports;
    }

    public ReadOnlyStringProperty exportResultProperty() {
        return exportResult.getReadOnlyProperty();
    }

    /** Opens the selected event's object in its view (Deploys, Nodes, SBOM). */
    public void openLink() {
        AuditEventDetail d = detail.get();
        if (d != null) {
            d.link().ifPresent(navigator);
        }
    }

    /** Set by the console: how to open a view. */
    public void setNavigator(Consumer<AuditLink> navigator) {
        this.navigator = navigator;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public ObservableList<AuditEvent> events() {
        return events;
    }

    public ObservableList<String> actionChoices() {
        return actionChoices;
    }

    public StringProperty sinceProperty() {
        return since;
    }

    public StringProperty untilProperty() {
        return until;
    }

    public StringProperty actionProperty() {
        return action;
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    public StringProperty whoProperty() {
        return who;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    public ObjectProperty<AuditEvent> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<AuditEventDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verifyResultProperty() {
        return verifyResult.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty verifyingProperty() {
        return verifying.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty verifyProgressProperty() {
        return verifyProgress.getReadOnlyProperty();
    }
}
