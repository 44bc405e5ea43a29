package io.slipway.gui.upgrade;

import io.slipway.gui.common.FormDialog;
import io.slipway.gui.common.Formats;
import java.util.function.BiConsumer;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.stage.Window;

/**
 * Upgrade…: the targets the run will touch, its waves, failure thresholds and watch window, the registry and the
 * reason. OK starts the run; the dialog closes once it started, and stays open with the reason when it could not.
 */
final class UpgradeDialog extends FormDialog {
    UpgradeDialog(Window owner, UpgradeForm form, ObservableList<String> registries,
                  BiConsumer<UpgradeForm, Runnable> submit) {
        super(owner, "Upgrade", form, onStarted -> submit.accept(form, onStarted));
        messageId("upgradeFormError");
        RunScope scope = form.scope();
        setHeaderText("Upgrade " + Formats.plural(scope.targets().size(), "target", "targets") + " on "
                + Formats.plural(scope.nodes().size(), "node", "nodes") + " (offer '" + scope.offer().name() + "')"
                + (scope.extra() > 0 ? "\n" + scope.extra() + " more than chosen: a run acts on every target of its "
                + "nodes × software." : "") + "\nEach target is built in its own environment, then watched while it runs; an "
                + "abnormal one is rolled back.");
        ListView<String> targets = new ListView<>();
        targets.setId("upgradeTargets");
        targets.getItems().setAll(scope.targets().stream().map(RunScope::describe).toList());
        targets.setPrefHeight(Math.min(200, 26 + 24.0 * scope.targets().size()));
        row("Targets", targets);
        row("Waves", field("upgradeWaves", "node counts or shares, e.g. " + io.slipway.core.upgrade.WavePlan.DEFAULT,
                form.wavesProperty()));
        row("Canary failures allowed", field("upgradeCanaryFailures", "share of wave 1 that may fail, e.g. 0",
                form.canaryMaxFailuresProperty()));
        row("Later failures allowed", field("upgradeLaterFailures", "share per later wave, e.g. 10%",
                form.laterMaxFailuresProperty()));
        row("Watch window (s)", field("upgradeWatch", "seconds each upgraded target is watched running",
                form.watchProperty()));
        ComboBox<String> registry = new ComboBox<>(registries);
        registry.setId("upgradeRegistry");
        registry.valueProperty().bindBidirectional(form.registryProperty());
        registries.addListener((javafx.collections.ListChangeListener<String>) c -> {
            if ((registry.getValue() == null || registry.getValue().isBlank()) && !registries.isEmpty()) {
                registry.setValue(registries.get(0)); // the names load in the background
            }
        });
        row("Registry", registry);
        PasswordField passphrase = new PasswordField();
        passphrase.setId("upgradePassphrase");
        passphrase.setPromptText("workspace passphrase (not stored)");
        passphrase.textProperty().addListener((obs, was, now) -> form.passphrase().set(now.toCharArray()));
        row("Passphrase", passphrase);
        row("Reason", field("upgradeReason", "recorded with the run (optional)", form.reasonProperty()));
        Label note = new Label("A wave starts only when the one before is finished within its threshold; past it "
                + "the run pauses.");
        note.getStyleClass().add("summary");
        note.setWrapText(true);
        note.setMaxWidth(480);
        grid.add(note, 0, grid.getRowCount(), 2, 1);
        finishGrid();
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Start upgrade");
        ok.setId("upgradeStartButton");
        setOnHidden(e -> {
            passphrase.clear();
            form.wipe();
        });
    }
}
