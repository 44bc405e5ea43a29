package io.slipway.gui.sbom;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Binds the release plan's policy and publish rows: the policy file field (Enter or Load reads it, Browse… fills
 * it), the output folder field (Browse… fills it; Enter or Publish publishes) and the owned-source confirmation,
 * which is a dialog here and a property in the view-model.
 */
public final class ReleasePublishController {
    /** A message that says what to do next rather than what is wrong: not in the error colour. */
    private static final PseudoClass HINT = PseudoClass.getPseudoClass("hint");

    private final PolicyChoice policy;
    private final PublishForm form;

    @FXML private GridPane root;
    @FXML private TextField policyField;
    @FXML private Button policyBrowseButton;
    @FXML private Button policyLoadButton;
    @FXML private Label policyInEffectLabel;
    @FXML private Label policyMessageLabel;
    @FXML private TextField outputField;
    @FXML private Button outputBrowseButton;
    @FXML private Button publishButton;
    @FXML private ProgressBar publishBar;
    @FXML private Label outputProblemLabel;
    @FXML private Label publishLabel;

    public ReleasePublishController(PolicyChoice policy, PublishForm form) {
        this.policy = policy;
        this.form = form;
    }

    @FXML
    private void initialize() {
        policyField.textProperty().bindBidirectional(policy.pathProperty());
        policyLoadButton.disableProperty().bind(policy.loadingProperty());
        policyBrowseButton.disableProperty().bind(policy.loadingProperty());
        policyInEffectLabel.textProperty().bind(policy.inEffectProperty());
        showWhenSet(policyMessageLabel, policy.messageProperty());

        outputField.textProperty().bindBidirectional(form.outputFolderProperty());
        outputField.disableProperty().bind(form.publishingProperty());
        outputBrowseButton.disableProperty().bind(form.publishingProperty());
        outputProblemLabel.textProperty().bind(form.outputProblemProperty()); // keeps its line: Publish stays put
        form.outputHintProperty().addListener((obs, was, now) -> outputProblemLabel.pseudoClassStateChanged(HINT, now));
        outputProblemLabel.pseudoClassStateChanged(HINT, form.outputHintProperty().get());
        publishButton.disableProperty().bind(form.disabledProperty());
        publishBar.progressProperty().bind(form.progressProperty());
        publishBar.visibleProperty().bind(form.publishingProperty().or(form.resultProperty().isNotNull()));
        publishLabel.textProperty().bind(form.messageProperty());
        form.resultProperty().addListener((obs, was, now) -> {
            publishLabel.getStyleClass().remove("result-done");
            if (now != null) {
                publishLabel.getStyleClass().add("result-done");
            }
        });
    }

    /** A label that takes no room while it has nothing to say. */
    private static void showWhenSet(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    @FXML
    private void onLoadPolicy() {
        policy.load();
    }

    @FXML
    private void onBrowsePolicy() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Release policy file");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Release policies (YAML, JSON)", "*.yaml", "*.yml", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        startIn(chooser::setInitialDirectory, policyField.getText());
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            policy.pathProperty().set(file.getPath());
            policy.load();
        }
    }

    @FXML
    private void onBrowseOutput() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Publish the release into…");
        startIn(chooser::setInitialDirectory, outputField.getText());
        File dir = chooser.showDialog(window());
        if (dir != null) {
            form.outputFolderProperty().set(dir.getPath());
        }
    }

    /** Opens a chooser where the typed path (or its nearest existing parent) is. */
    private static void startIn(java.util.function.Consumer<File> initialDirectory, String typed) {
        try {
            Path p = typed == null || typed.isBlank() ? null : Path.of(typed.strip()).toAbsolutePath();
            while (p != null && !p.toFile().isDirectory()) {
                p = p.getParent();
            }
            if (p != null) {
                initialDirectory.accept(p.toFile());
            }
        } catch (InvalidPathException e) {
            // nothing sensible typed: the chooser starts where it likes
        }
    }

    @FXML
    private void onPublish() {
        if (form.disabledProperty().get()) {
            return; // Enter in the folder field while Publish is off
        }
        if (form.needsConfirmationFirst()) {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, form.confirmationQuestion(), ButtonType.OK,
                    ButtonType.CANCEL);
            confirm.initOwner(window());
            confirm.setHeaderText("Publish owned source?");
            confirm.getDialogPane().setId("publishConfirmDialog");
            if (confirm.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
                return;
            }
            form.confirmOwnedSourceProperty().set(true);
        }
        form.publish();
    }
}
