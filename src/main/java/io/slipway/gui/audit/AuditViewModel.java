package io.slipway.gui.audit;

import io.slipway.core.audit.AuditEvent;
import io.slipway.core.audit.AuditTrail;
import io.slipway.core.audit.ChainVerification;
import io.slipway.core.common.Progress;
import io.slipway.gui.common.RefreshableViewModel;
import io.slipway.gui.tasks.TaskExecutor;
import io.slipway.gui.tasks.Tasks;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The audit trail, newest first, and a background check of its hash chain. */
public final class AuditViewModel extends RefreshableViewModel<AuditViewModel.Loaded> {
    /** How many events the table holds; the chain check always walks all of them. */
    static final int SHOWN_EVENTS = 5_000;

    /** Where the last chain check left things, for the result label's colour. */
    public enum Verdict { NOT_CHECKED, CHECKING, INTACT, BROKEN, FAILED }

    /** What one load reads. */
    public record Loaded(List<AuditEvent> latest, long total) {
    }

    private final AuditTrail audit;
    private final ObservableList<AuditEvent> events = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper verifyResult = new ReadOnlyStringWrapper(this, "verifyResult", "");
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict", Verdict.NOT_CHECKED);
    private final ReadOnlyBooleanWrapper verifying = new ReadOnlyBooleanWrapper(this, "verifying");

    public AuditViewModel(AuditTrail audit, TaskExecutor executor) {
        super(executor, "Loading audit events");
        this.audit = audit;
    }

    @Override
    protected Loaded load(Progress progress) {
        progress.progress(0, 0, "Reading audit events");
        return new Loaded(audit.latest(SHOWN_EVENTS), audit.count());
    }

    @Override
    protected void show(Loaded loaded) {
        events.setAll(loaded.latest());
        summary.set(loaded.latest().size() == loaded.total() ? loaded.total() + " events"
                : "latest " + loaded.latest().size() + " of " + loaded.total() + " events");
    }

    /** Recomputes the whole hash chain as a background task. */
    public void verifyChain() {
        verifying.set(true);
        verdict.set(Verdict.CHECKING);
        verifyResult.set("Verifying…");
        Tasks.create(p -> {
                    p.progress(0, 0, "Recomputing the audit hash chain");
                    return audit.verify();
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

    private void showVerification(ChainVerification v) {
        if (v.intact()) {
            verdict.set(Verdict.INTACT);
            verifyResult.set("intact: " + v.eventsChecked() + " events");
        } else {
            verdict.set(Verdict.BROKEN);
            verifyResult.set("BROKEN at event " + v.firstBrokenSeq().orElseThrow() + ": " + v.reason());
        }
    }

    public ObservableList<AuditEvent> events() {
        return events;
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
}
