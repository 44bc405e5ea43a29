package io.slipway.gui.inventory;

import java.util.function.Function;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import io.slipway.gui.common.ReasonMemory;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The add / edit node dialog; OK stays in the dialog and shows the problem while the form is not valid. */
final class NodeDialog extends Dialog<NodeForm> {
    static final String REASON_KIND = "node";

    private final TextField name = field("nodeName", "build-node-04");
    private final TextField endpoint = field("nodeEndpoint", "tcp://host:2376 or unix:///run/podman.sock");
    private final TextField tlsDir = field("nodeTlsDir", "directory with ca.pem, cert.pem, key.pem (optional)");
    private final TextField groups = field("nodeGroups", "lab-a, x86");
    private final TextField labels = field("nodeLabels", "rack=3, gpu=none");
    private final TextArea notes = new TextArea();
    /** Why: recorded with the audit event; the last one typed for nodes is offered again. */
    private final TextField reason = field("nodeReason", "why (recorded in the audit trail)");
    private final Label error = new Label();

    NodeDialog(Window owner, String title, NodeForm initial, Function<NodeForm, String> validator) {
        initOwner(owner);
        setTitle(title);
        setHeaderText(title);
        name.setText(initial.name());
        endpoint.setText(initial.endpoint());
        tlsDir.setText(initial.tlsDir());
        groups.setText(initial.groups());
        labels.setText(initial.labels());
        notes.setText(initial.notes());
        notes.setId("nodeNotes");
        notes.setPrefRowCount(3);
        error.setId("nodeFormError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMaxWidth(460);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        reason.setText(ReasonMemory.SESSION.last(REASON_KIND));
        String[] captions = {"Name", "Endpoint", "TLS directory", "Groups", "Labels", "Notes", "Reason"};
        javafx.scene.Node[] inputs = {name, endpoint, tlsDir, groups, labels, notes, reason};
        for (int i = 0; i < captions.length; i++) {
            grid.addRow(i, new Label(captions[i]), inputs[i]);
        }
        grid.add(error, 0, captions.length, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            String problem = validator.apply(form());
            if (!problem.isEmpty()) {
                error.setText(problem);
                e.consume();
            }
        });
        setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            ReasonMemory.SESSION.remember(REASON_KIND, reason.getText());
            return form();
        });
    }

    /** The reason typed (blank: none); read after the dialog closed with OK. */
    String reason() {
        return reason.getText();
    }

    private NodeForm form() {
        return new NodeForm(name.getText(), endpoint.getText(), tlsDir.getText(), groups.getText(), labels.getText(),
                notes.getText());
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(32);
        return f;
    }
}
