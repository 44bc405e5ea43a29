package io.slipway.gui.sbom;

import io.slipway.core.common.Progress;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.sbom.release.GateResult;
import io.slipway.core.sbom.release.LoadedRelease;
import io.slipway.core.sbom.release.PublishProgress;
import io.slipway.core.sbom.release.PublishResult;
import io.slipway.core.sbom.release.PublishTarget;
import io.slipway.core.sbom.release.ReleaseService;
import io.slipway.gui.tasks.TaskExecutor;
import io.slipway.gui.tasks.Tasks;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishing the release open in the SBOM view: the output folder (typed or chosen, checked as it is typed with the
 * publisher's own rules), the owned-source confirmation the gate may ask for, and the publication itself as a
 * background task with progress and its result. Publish is off while no release is open, the gate has a FAIL, the
 * folder is missing or refused, or a publication runs.
 */
public final class PublishForm {
    private static final Logger LOG = LoggerFactory.getLogger(PublishForm.class);

    private final ReleaseService service;
    private final PolicyChoice policy;
    private final TaskExecutor executor;
    private final Executor fxThread;

    private final StringProperty outputFolder = new SimpleStringProperty(this, "outputFolder", "");
    private final ReadOnlyStringWrapper outputProblem = new ReadOnlyStringWrapper(this, "outputProblem", "");
    private final ReadOnlyBooleanWrapper outputHint = new ReadOnlyBooleanWrapper(this, "outputHint");
    private final ReadOnlyBooleanWrapper gateFails = new ReadOnlyBooleanWrapper(this, "gateFails");
    private final ReadOnlyBooleanWrapper needsConfirmation = new ReadOnlyBooleanWrapper(this, "needsConfirmation");
    private final BooleanProperty confirmOwnedSource = new SimpleBooleanProperty(this, "confirmOwnedSource");
    private final ReadOnlyBooleanWrapper publishing = new ReadOnlyBooleanWrapper(this, "publishing");
    private final ReadOnlyBooleanWrapper disabled = new ReadOnlyBooleanWrapper(this, "disabled", true);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<PublishResult> result = new ReadOnlyObjectWrapper<>(this, "result");

    private LoadedRelease release;
    private GateResult gate;
    private Path generatedDir;

    public PublishForm(ReleaseService service, PolicyChoice policy, TaskExecutor executor, Executor fxThread) {
        this.service = service;
        this.policy = policy;
        this.executor = executor;
        this.fxThread = fxThread;
        outputFolder.addListener((obs, was, now) -> checkOutputFolder());
        publishing.addListener((obs, was, now) -> updateDisabled());
    }

    /**
     * What the view shows now: a release with its gate (and the temporary folder its SBOM was generated into, if
     * any), or {@code null}s for a document that is no release. Any earlier confirmation is forgotten.
     */
    void show(LoadedRelease shown, GateResult shownGate, Path shownGeneratedDir) {
        release = shown;
        gate = shownGate;
        generatedDir = shownGeneratedDir == null ? null : shownGeneratedDir.toAbsolutePath().normalize();
        gateFails.set(gate != null && gate.hasFail());
        needsConfirmation.set(gate != null && !gate.needingConfirmation().isEmpty());
        confirmOwnedSource.set(false);
        checkOutputFolder();
    }

    private void checkOutputFolder() {
        outputProblem.set(release == null ? "" : problem());
        outputHint.set(release != null && (typedPath().isEmpty() || typedPath().equals(publishedTo())));
        updateDisabled();
    }

    private String typedPath() {
        return outputFolder.get() == null ? "" : outputFolder.get().strip();
    }

    private String publishedTo() {
        return result.get() == null ? null : result.get().out().toString();
    }

    /** Why the folder cannot take the release: the console's own cases, then the publisher's ({@link PublishTarget}). */
    private String problem() {
        String text = typedPath();
        if (text.isEmpty()) {
            return "Type or choose the folder to publish into.";
        }
        if (text.equals(publishedTo())) {
            return "Type another folder to publish again.";
        }
        Path out;
        try {
            out = Path.of(text);
        } catch (InvalidPathException e) {
            return "'" + text + "' is not a valid path: " + e.getReason();
        }
        if (!out.isAbsolute()) { // relative to wherever the console was started: never what the user means
            return "'" + text + "' is not a full path; type the output folder's absolute path.";
        }
        out = out.normalize();
        if (generatedDir != null && out.startsWith(generatedDir)) {
            return out + ": is inside the temporary SBOM folder " + generatedDir + ", which is removed once something "
                    + "else is shown; publish elsewhere";
        }
        return PublishTarget.problem(out, release).orElse("");
    }

    private void updateDisabled() {
        disabled.set(release == null || gateFails.get() || publishing.get() || !outputProblem.get().isEmpty());
    }

    /** True when Publish must first ask the user to confirm publishing owned source (the gate's WARN). */
    public boolean needsConfirmationFirst() {
        return needsConfirmation.get() && !confirmOwnedSource.get();
    }

    /** The question for that confirmation: which owned components would have their source published. */
    public String confirmationQuestion() {
        String components = gate == null ? "" : gate.needingConfirmation().stream()
                .map(f -> f.componentName() + " (" + f.message() + ")").collect(Collectors.joining("\n"));
        return "Publishing will include the proprietary source of:\n" + components
                + "\n\nPublish this source to " + typedPath() + "?";
    }

    /**
     * Gates, plans and publishes the open release into the output folder, in the background. Refused (with a
     * message) while an owned-source WARN is not confirmed; does nothing while Publish is off.
     */
    public void publish() {
        if (disabled.get()) {
            return;
        }
        if (needsConfirmationFirst()) {
            message.set("Not published: " + gate.refusal(false));
            return;
        }
        LoadedRelease r = release;
        boolean confirmed = confirmOwnedSource.get();
        Path out = Path.of(typedPath()).normalize();
        publishing.set(true);
        progress.set(-1);
        message.set("Publishing to " + out);
        result.set(null);
        Tasks.create(p -> service.publish(r, policy.policy(), out, confirmed, new ProgressRelay(p)))
                .title("Publishing " + r.name() + " " + r.version())
                .onSuccess((PublishResult res) -> {
                    result.set(res);
                    progress.set(1);
                    message.set(String.format(Locale.ROOT, "Published %s, %,d bytes, to %s", res.files() == 1
                            ? "1 file" : res.files() + " files", res.bytes(), res.out()));
                })
                .onError(UserFacingException.class, e -> failed(e.getMessage()))
                .onError(Exception.class, e -> {
                    LOG.warn("Publishing to {} failed", out, e);
                    failed(e.getMessage());
                })
                .andFinally(() -> {
                    publishing.set(false);
                    checkOutputFolder(); // the folder now holds the release: publishing there again is refused
                })
                .runOn(executor);
    }

    private void failed(String why) {
        progress.set(0);
        message.set("Publishing failed: " + why);
    }

    /** Hands the publisher's progress to the task (status bar) and, coalesced, to this form's bar and message. */
    private final class ProgressRelay implements PublishProgress {
        private final Progress task;
        private final AtomicReference<double[]> latest = new AtomicReference<>();
        private final AtomicBoolean pending = new AtomicBoolean();

        ProgressRelay(Progress task) {
            this.task = task;
        }

        @Override
        public void update(long doneBytes, long totalBytes, int doneFiles, int totalFiles, String what) {
            task.progress(doneBytes, totalBytes, what);
            latest.set(new double[] {totalBytes <= 0 ? -1 : (double) doneBytes / totalBytes, doneFiles, totalFiles});
            if (pending.compareAndSet(false, true)) {
                fxThread.execute(() -> {
                    pending.set(false);
                    double[] v = latest.get();
                    if (publishing.get()) { // a late update must not overwrite the result
                        progress.set(v[0]);
                        message.set("Publishing: " + (int) v[1] + " of " + (int) v[2] + " files copied");
                    }
                });
            }
        }

        @Override
        public boolean cancelled() {
            return task.isCancelled();
        }
    }

    // ---- properties ----

    /** The output folder as typed (or filled in by Browse…). */
    public StringProperty outputFolderProperty() {
        return outputFolder;
    }

    /** Why the output folder cannot be used, naming it; empty when it can (or no release is open). */
    public ReadOnlyStringProperty outputProblemProperty() {
        return outputProblem.getReadOnlyProperty();
    }

    /** True when {@link #outputProblemProperty()} is no error, only what to do next (no folder yet, just published). */
    public ReadOnlyBooleanProperty outputHintProperty() {
        return outputHint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty gateFailsProperty() {
        return gateFails.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty needsConfirmationProperty() {
        return needsConfirmation.getReadOnlyProperty();
    }

    /** Set once the user confirmed publishing owned source; forgotten when another release or gate is shown. */
    public BooleanProperty confirmOwnedSourceProperty() {
        return confirmOwnedSource;
    }

    public ReadOnlyBooleanProperty publishingProperty() {
        return publishing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty disabledProperty() {
        return disabled.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the size is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Progress while publishing, then the result (files, bytes, folder) or why it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The last publication's result; null before one or while one runs. */
    public ReadOnlyObjectProperty<PublishResult> resultProperty() {
        return result.getReadOnlyProperty();
    }
}
