package io.slipway.gui.common;

import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.beans.property.StringProperty;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * A dialog over a {@link DialogForm}: OK is enabled only while the form is valid and no submit runs; OK
 * starts the submit and the dialog closes only when it succeeded, else it shows the reason. Closing it any way
 * wipes the typed secrets.
 */
public abstract class FormDialog extends Dialog<Boolean> {
    private final Label message = new Label();
    protected final GridPane grid = new GridPane();

    /** @param submit starts the submit with the action that closes the dialog on success */
    protected FormDialog(Window owner, String title, DialogForm form, Consumer<Runnable> submit) {
        initOwner(owner);
        setTitle(title);
        setHeaderText(title);
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        message.setId("formError");
        message.getStyleClass().add("error-text");
        // "Saving…" while a submit runs is news, not an error
        form.busyProperty().addListener((obs, was, busy) -> {
            if (busy) {
                message.getStyleClass().remove("error-text");
            } else if (!message.getStyleClass().contains("error-text")) {
                message.getStyleClass().add("error-text");
            }
        });
        message.setWrapText(true);
        message.setMaxWidth(480);
        message.textProperty().bind(form.messageProperty());
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(form.canSubmitProperty().not());
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open until the submit succeeded
            submit.accept(() -> {
                setResult(Boolean.TRUE);
                close();
            });
        });
        setResultConverter(b -> b == ButtonType.OK ? Boolean.TRUE : null);
        setOnHidden(e -> form.wipe());
    }

    /** Puts the message below the rows added so far. */
    protected final void finishGrid() {
        grid.add(message, 0, grid.getRowCount(), 2, 1);
    }

    /** The id of the message label (tests look it up). */
    protected final void messageId(String id) {
        message.setId(id);
    }

    /** A text field bound both ways to {@code value}. */
    public static TextField field(String id, String prompt, StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(32);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    /** A caption and its input as the next row (field groups shared by several dialogs add themselves). */
    public final void row(String caption, javafx.scene.Node input) {
        grid.addRow(grid.getRowCount(), new Label(caption), input);
    }
}
