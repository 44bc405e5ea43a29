package io.slipway.gui.upgrade;

import io.slipway.gui.common.DialogForm;
import io.slipway.gui.registry.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Upgrade… dialog's inputs: the targets it will touch (fixed when it opens), the waves, the failure thresholds,
 * the run-check watch window, the registry with the passphrase unlocking its credentials (used for this one start,
 * then wiped), and the reason recorded with the run. Defaults are the issue's: waves {@code 1,25%,100%}, no failure
 * in the canary, at most 10 % later, a 120 s watch.
 */
public final class UpgradeForm extends DialogForm {
    public static final String DEFAULT_WAVES = "1,25%,100%";

    private final String offer;
    private final List<PlannedTarget> targets;
    private final StringProperty waves = new SimpleStringProperty(this, "waves", DEFAULT_WAVES);
    private final StringProperty canaryMaxFailures = new SimpleStringProperty(this, "canaryMaxFailures", "0");
    private final StringProperty laterMaxFailures = new SimpleStringProperty(this, "laterMaxFailures", "10%");
    private final StringProperty watch = new SimpleStringProperty(this, "watch", "120");
    private final StringProperty registry = new SimpleStringProperty(this, "registry", "");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final Secret passphrase = new Secret();

    public UpgradeForm(String offer, List<PlannedTarget> targets, String registry) {
        this.offer = offer;
        this.targets = List.copyOf(targets);
        this.registry.set(registry == null ? "" : registry);
        watch(waves, canaryMaxFailures, laterMaxFailures, watch, this.registry, reason);
    }

    @Override
    protected String check() {
        if (targets.isEmpty()) {
            return "Nothing to upgrade: no chosen cell is an upgrade target.";
        }
        String wavesProblem = WaveText.problem(waves.get());
        if (!wavesProblem.isEmpty()) {
            return "Waves: " + wavesProblem;
        }
        if (count(canaryMaxFailures.get()) < 0) {
            return "Canary failures allowed: a whole number, 0 or more.";
        }
        if (percent(laterMaxFailures.get()) < 0) {
            return "Later failures allowed: a share from 0% to 100%.";
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

    /** -1 unless a whole number ≥ 0. */
    static int count(String text) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.strip());
            return n < 0 ? -1 : n;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** "10%" or "10" → 10; -1 unless 0..100. */
    static int percent(String text) {
        String t = text == null ? "" : text.strip();
        int n = count(t.endsWith("%") ? t.substring(0, t.length() - 1).strip() : t);
        return n > 100 ? -1 : n;
    }

    /** "120", "120s", "120 s" or "2m" → seconds; -1 when not a duration. */
    public long watchSeconds() {
        String t = watch.get() == null ? "" : watch.get().strip().toLowerCase(Locale.ROOT).replace(" ", "");
        long factor = t.endsWith("m") ? 60 : 1;
        String digits = t.endsWith("m") || t.endsWith("s") ? t.substring(0, t.length() - 1) : t;
        int n = count(digits);
        return n < 0 ? -1 : n * factor;
    }

    public Duration watchWindow() {
        return Duration.ofSeconds(watchSeconds());
    }

    public String offer() {
        return offer;
    }

    public List<PlannedTarget> targets() {
        return targets;
    }

    public int canaryFailuresAllowed() {
        return count(canaryMaxFailures.get());
    }

    public int laterFailurePercentAllowed() {
        return percent(laterMaxFailures.get());
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
