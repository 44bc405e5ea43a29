package io.slipway.gui.registry;

import io.slipway.gui.common.FormDialog;
import java.io.File;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The Add-registry dialog: name, URL, CA certificate file, transport-security switches and optional credentials. */
final class AddRegistryDialog extends FormDialog {
    AddRegistryDialog(Window owner, AddRegistryForm form, BiConsumer<AddRegistryForm, Runnable> submit) {
        super(owner, "Add registry", form, onSaved -> submit.accept(form, onSaved));
        messageId("registryFormError");
        row("Name", field("registryName", "harbor (lower-case letters, digits, '.', '_', '-')", form.nameProperty()));
        row("URL", field("registryUrl", "https://harbor.example.com[:port]", form.urlProperty()));
        TextField ca = field("registryCaFile", "PEM file of the CA (optional: the system trust otherwise)",
                form.caFileProperty());
        Button browse = new Button("Browse…");
        browse.setId("registryCaBrowse");
        browse.setOnAction(e -> choosePem(owner, form));
        HBox caRow = new HBox(6, ca, browse);
        HBox.setHgrow(ca, Priority.ALWAYS);
        row("CA certificate", caRow);
        row("", warned(check("registryInsecureHttp", "Allow plain HTTP (no TLS)", form.insecureHttpProperty()),
                form.plainHttpWarningProperty(), "registryInsecureHttpWarning"));
        row("", warned(check("registrySkipTls", "Skip TLS verification", form.skipTlsVerifyProperty()),
                form.skipTlsWarningProperty(), "registrySkipTlsWarning"));
        new CredentialFields(form.credentials()).addTo(this);
        finishGrid();
    }

    private void choosePem(Window owner, AddRegistryForm form) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("CA certificate of the registry");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PEM certificates", "*.pem", "*.crt",
                "*.cer"), new FileChooser.ExtensionFilter("All files", "*"));
        File chosen = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
        if (chosen != null) {
            form.caFileProperty().set(chosen.getAbsolutePath());
        }
    }

    private static CheckBox check(String id, String text, BooleanProperty value) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.selectedProperty().bindBidirectional(value);
        return box;
    }

    /** A checkbox with its warning below, shown only while it is ticked. */
    private static VBox warned(CheckBox box, StringBinding warning, String warningId) {
        Label text = new Label();
        text.setId(warningId);
        text.getStyleClass().add("error-text");
        text.setWrapText(true);
        text.setMaxWidth(420);
        text.textProperty().bind(warning);
        text.visibleProperty().bind(Bindings.isNotEmpty(warning));
        text.managedProperty().bind(text.visibleProperty());
        return new VBox(4, box, text);
    }
}
