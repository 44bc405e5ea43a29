package io.slipway.gui.audit;

import io.slipway.core.audit.export.ExportFormat;
import java.io.File;
import java.nio.file.Path;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks where and how to export the events the Audit view's filter shows, and the passphrase that signs it. */
final class ExportDialog extends Dialog<ExportDialog.Choice> {
    /** What the user chose; {@code passphrase} empty = unsigned. */
    record Choice(Path file, ExportFormat format, char[] passphrase) {
    }

    ExportDialog(Window owner, boolean workspaceHasPassphrase) {
        initOwner(owner);
        setTitle("Export audit events");
        setHeaderText("Export the events the filter shows");
        ComboBox<ExportFormat> format = new ComboBox<>();
        format.getItems().addAll(ExportFormat.values());
        format.setValue(ExportFormat.JSONL);
        format.setId("exportFormat");
        TextField file = new TextField();
        file.setId("exportFile");
        file.setPrefColumnCount(28);
        file.setPromptText("/path/to/audit.jsonl");
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("audit." + format.getValue().extension());
            File f = chooser.showSaveDialog(owner);
            if (f != null) {
                file.setText(f.getAbsolutePath());
            }
        });
        PasswordField passphrase = new PasswordField();
        passphrase.setId("exportPassphrase");
        passphrase.setPromptText(workspaceHasPassphrase ? "workspace passphrase (empty: unsigned)"
                : "new workspace passphrase (empty: unsigned)");
        Label error = new Label();
        error.setId("exportError");
        error.getStyleClass().add("error-text");

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("Format"), format);
        grid.addRow(1, new Label("File"), new HBox(6, file, browse));
        grid.addRow(2, new Label("Sign with"), passphrase);
        grid.add(error, 0, 3, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Export");
        ok.setId("exportButton");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (file.getText().isBlank()) {
                error.setText("Choose the file to write.");
                e.consume();
            }
        });
        setResultConverter(b -> {
            Choice c = b == ButtonType.OK ? new Choice(Path.of(file.getText().strip()), format.getValue(),
                    passphrase.getText().toCharArray()) : null;
            passphrase.clear();
            return c;
        });
    }
}
