package io.slipway.gui.sbom;

import io.slipway.core.common.UserFacingException;
import io.slipway.core.sbom.release.ReleasePolicy;
import io.slipway.core.store.Settings;
import io.slipway.gui.tasks.TaskExecutor;
import io.slipway.gui.tasks.Tasks;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The release policy the SBOM view's gate applies: the built-in one, or a policy file the user typed or chose.
 * A file that does not load leaves the policy in effect as it was and says why (the policy reader names the file,
 * the line and the field). The last file loaded is remembered in the workspace settings and loaded again on the
 * next start.
 */
public final class PolicyChoice {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyChoice.class);
    /** Workspace setting: the path of the last policy file loaded; absent for the built-in policy. */
    static final String SETTING = "sbom.releasePolicy";

    private final Settings settings;
    private final TaskExecutor executor;
    private final StringProperty path = new SimpleStringProperty(this, "path", "");
    private final ReadOnlyObjectWrapper<ReleasePolicy> policy =
            new ReadOnlyObjectWrapper<>(this, "policy", ReleasePolicy.defaultPolicy());
    private final ReadOnlyStringWrapper inEffect = new ReadOnlyStringWrapper(this, "inEffect", describe(policy.get()));
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");

    public PolicyChoice(Settings settings, TaskExecutor executor) {
        this.settings = settings;
        this.executor = executor;
        policy.addListener((obs, was, now) -> inEffect.set(describe(now)));
    }

    private static String describe(ReleasePolicy p) {
        return "Policy in effect: " + p.source();
    }

    /** Loads the policy file remembered in the workspace, if any (once, when the view is built). */
    public void restoreRemembered() {
        Tasks.create(p -> settings.get(SETTING))
                .title("Reading the remembered release policy")
                .onSuccess((Optional<String> remembered) -> remembered.filter(s -> !s.isBlank()).ifPresent(file -> {
                    path.set(file);
                    load();
                }))
                .onError(Exception.class, e -> LOG.warn("Cannot read the remembered release policy", e))
                .runOn(executor);
    }

    /**
     * Loads the policy file in {@link #pathProperty()} in the background (an empty path means the built-in policy)
     * and, once it is read, makes it the one in effect and remembers it.
     */
    public void load() {
        String text = path.get() == null ? "" : path.get().strip();
        Path file;
        try {
            file = text.isEmpty() ? null : Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            message.set("'" + text + "' is not a valid path: " + e.getReason());
            return;
        }
        message.set("");
        loading.set(true);
        Tasks.create(p -> {
                    p.progress(0, 0, file == null ? "Using the built-in release policy" : "Reading " + file);
                    ReleasePolicy read = file == null ? ReleasePolicy.defaultPolicy() : ReleasePolicy.load(file);
                    settings.put(SETTING, file == null ? "" : file.toString());
                    return read;
                })
                .title(file == null ? "Built-in release policy" : "Loading release policy " + file.getFileName())
                .onSuccess(policy::set)
                .onError(UserFacingException.class, e -> message.set(e.getMessage()
                        + " — the policy in effect stays " + policy.get().source()))
                .onError(Exception.class, e -> {
                    LOG.warn("Loading the release policy {} failed", file, e);
                    message.set(file + ": cannot load the release policy (" + e.getMessage() + ")");
                })
                .andFinally(() -> loading.set(false))
                .runOn(executor);
    }

    /** The policy file's path as the user typed or chose it; empty for the built-in policy. */
    public StringProperty pathProperty() {
        return path;
    }

    public ReadOnlyObjectProperty<ReleasePolicy> policyProperty() {
        return policy.getReadOnlyProperty();
    }

    public ReleasePolicy policy() {
        return policy.get();
    }

    /** "Policy in effect: /path/policy.yaml" or "... the built-in release policy". */
    public ReadOnlyStringProperty inEffectProperty() {
        return inEffect.getReadOnlyProperty();
    }

    /** Why the last file typed or chosen was not loaded, naming it; empty when it was. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
