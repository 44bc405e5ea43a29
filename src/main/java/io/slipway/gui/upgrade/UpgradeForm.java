package io.slipway.gui.upgrade;

import io.slipway.core.common.UserFacingException;
import io.slipway.core.upgrade.FailureShare;
import io.slipway.core.upgrade.UpgradeRequest;
import io.slipway.core.upgrade.WavePlan;
import io.slipway.gui.common.DialogForm;
import io.slipway.gui.registry.Secret;
import java.time.Duration;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Upgrade… dialog's inputs: the targets it will touch (fixed when it opens), the waves, the failure thresholds,
 * the run-check watch window, the registry with the passphrase unlocking its credentials (used for this one start,
 * then wiped), and the reason recorded with the run. Defaults are the core's ({@link UpgradeRequest#of}): waves
 * {@code 1,25%,100%}, no failure in the canary, at most 10 % later, a 120 s watch. Waves and shares are checked by
 * the core's own parsers ({@link WavePlan}, {@link FailureShare}).
 */
public final class UpgradeForm extends DialogForm {
    private final RunScope scope;
    private final StringProperty waves = new SimpleStringProperty(this, "waves", WavePlan.DEFAULT);
    private final StringProperty canaryMaxFailures = new SimpleStringProperty(this, "canaryMaxFailures",
            FailureShare.format(UpgradeRequest.DEFAULT_CANARY_MAX_FAILURES));
    private final StringProperty laterMaxFailures = new SimpleStringProperty(this, "laterMaxFailures",
            FailureShare.format(UpgradeRequest.DEFAULT_MAX_FAILURES));
    private final StringProperty watch = new SimpleStringProperty(this, "watch",
            String.valueOf(UpgradeRequest.DEFAULT_WATCH.toSeconds()));
    private final StringProperty registry = new SimpleStringProperty(this, "registry", "");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final Secret passphrase = new Secret();

    public UpgradeForm(RunScope scope, String registry) {
        this.scope = scope;
        this.registry.set(registry == null ? "" : registry);
        watch(waves, canaryMaxFailures, laterMaxFailures, watch, this.registry, reason);
    }

    @Override
    protected String check() {
        if (scope.targets().isEmpty()) {
            return "Nothing to upgrade: no chosen cell is an upgrade target.";
        }
        try {
            WavePlan.parse(waves.get());
            FailureShare.parse("Canary failures allowed", canaryMaxFailures.get());
            FailureShare.parse("Later failures allowed", laterMaxFailures.get());
        } catch (UserFacingException e) {
            return e.getMessage().replace("--waves", "Waves");
        }
        if (watchSeconds() < 1) {
            return "Watch window: whole seconds, at least 1.";
        }
        if (registry.get() == null || registry.get().isBlank()) {
            return "Choose the registry.";
        }
        return "";
    }

    @Override
    public void wipe() {
        passphrase.wipe();
    }

    /** "120", "120s", "120 s" or "2m" → seconds; -1 when not a duration. */
    public long watchSeconds() {
        String t = watch.get() == null ? "" : watch.get().strip().toLowerCase(Locale.ROOT).replace(" ", "");
        long factor = t.endsWith("m") ? 60 : 1;
        String digits = t.endsWith("m") || t.endsWith("s") ? t.substring(0, t.length() - 1) : t;
        try {
            long n = Long.parseLong(digits);
            return n < 0 ? -1 : n * factor;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public Duration watchWindow() {
        return Duration.ofSeconds(watchSeconds());
    }

    /** The offer (narrowed to the chosen software), nodes and targets of the run. */
    public RunScope scope() {
        return scope;
    }

    /** Share 0..1 of the canary wave's targets that may fail (valid only when the form is). */
    public double canaryFailuresAllowed() {
        return FailureShare.parse("Canary failures allowed", canaryMaxFailures.get());
    }

    /** Share 0..1 of each later wave's targets that may fail. */
    public double laterFailuresAllowed() {
        return FailureShare.parse("Later failures allowed", laterMaxFailures.get());
    }

    public WavePlan wavePlan() {
        return WavePlan.parse(waves.get());
    }

    public StringProperty wavesProperty() {
        return waves;
    }

    public StringProperty canaryMaxFailuresProperty() {
        return canaryMaxFailures;
    }

    public StringProperty laterMaxFailuresProperty() {
        return laterMaxFailures;
    }

    public StringProperty watchProperty() {
        return watch;
    }

    public StringProperty registryProperty() {
        return registry;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** Typed into a password field; copied for the start and wiped with the form. */
    public Secret passphrase() {
        return passphrase;
    }
}
