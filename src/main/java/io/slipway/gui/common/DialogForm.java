package io.slipway.gui.common;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What a registry dialog's form shares: the problem with its inputs (re-checked on every change; OK is enabled only
 * without one), the failure of the last submit (shown until the user changes something), and a busy flag while the
 * submit runs in the background, so the dialog stays open and says why when the core refuses.
 */
public abstract class DialogForm {
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper doing = new ReadOnlyStringWrapper(this, "doing", "");
    private final StringBinding message = Bindings.createStringBinding(() -> busy.get() ? doing.get()
            : failure.get().isEmpty() ? problem.get() : failure.get(), busy, doing, failure, problem);
    private final BooleanBinding canSubmit = problem.isEmpty().and(busy.not());

    /** The problem with the inputs as they are, in the user's terms; empty when they can be submitted. */
    protected abstract String check();

    /** Forgets the typed secrets (after a submit, or when the dialog closes unsaved). */
    public abstract void wipe();

    /** Re-checks whenever one of {@code inputs} changes; call once the subclass is built. */
    protected final void watch(Observable... inputs) {
        for (Observable input : inputs) {
            input.addListener(o -> revalidate());
        }
        revalidate();
    }

    private void revalidate() {
        failure.set("");
        problem.set(check());
    }

    /**
     * Starts a submit, saying what it does meanwhile: false (and nothing to do) while the form is not valid or a
     * submit runs.
     */
    public final boolean beginSubmit(String whatItDoes) {
        if (!canSubmit.get()) {
            return false;
        }
        failure.set("");
        doing.set(whatItDoes);
        busy.set(true);
        return true;
    }

    public final void submitFailed(String reason) {
        busy.set(false);
        failure.set(reason);
    }

    public final void submitDone() {
        busy.set(false);
        wipe();
    }

    public final ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** While a submit runs what it does, else its failure, else the problem with the inputs: what the dialog shows. */
    public final StringBinding messageProperty() {
        return message;
    }

    public final BooleanBinding canSubmitProperty() {
        return canSubmit;
    }

    public final ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
