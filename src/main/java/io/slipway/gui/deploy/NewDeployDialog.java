package io.slipway.gui.deploy;

import java.util.List;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import io.slipway.gui.common.ReasonMemory;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The "New deploy" dialog: software, version, nodes or group, force, parallel, registry and its passphrase. */
final class NewDeployDialog extends Dialog<NewDeployForm> {
    static final String REASON_KIND = "deploy";
    private static final String NO_GROUP = "(nodes chosen above)";

    /** Why: recorded with the deploy's audit events; the last deploy reason is offered again. */
    private final TextField reason = new TextField();

    NewDeployDialog(Window owner, DeployProgressViewModel vm) {
        initOwner(owner);
        setTitle("New deploy");
        setHeaderText("Deploy software to nodes");
        TextField software = new TextField();
        software.setId("deploySoftware");
        software.setPromptText("e.g. hello-tool");
        TextField version = new TextField();
        version.setId("deployVersion");
        version.setPromptText("e.g. 1.0.0");
        ListView<String> nodes = new ListView<>(vm.nodeChoices());
        nodes.setId("deployNodes");
        nodes.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        nodes.setPrefHeight(130);
        ComboBox<String> group = new ComboBox<>();
        group.setId("deployGroup");
        group.getItems().add(NO_GROUP);
        vm.groupChoices().addListener((javafx.collections.ListChangeListener<String>) c -> {
            group.getItems().setAll(NO_GROUP);
            group.getItems().addAll(vm.groupChoices());
        });
        group.getItems().addAll(vm.groupChoices());
        group.setValue(NO_GROUP);
        CheckBox force = new CheckBox("Force (rebuild even where the version is installed)");
        force.setId("deployForce");
        Spinner<Integer> parallel = new Spinner<>(1, 32, 4);
        parallel.setId("deployParallel");
        parallel.setEditable(true);
        ComboBox<String> registry = new ComboBox<>(vm.registryChoices());
        registry.setId("deployRegistry");
        if (!vm.registryChoices().isEmpty()) {
            registry.setValue(vm.registryChoices().get(0));
        }
        vm.registryChoices().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (registry.getValue() == null && !vm.registryChoices().isEmpty()) {
                registry.setValue(vm.registryChoices().get(0));
            }
        });
        PasswordField passphrase = new PasswordField();
        passphrase.setId("deployPassphrase");
        passphrase.setPromptText("workspace passphrase (not stored)");
        reason.setId("deployReason");
        reason.setPromptText("why (recorded in the audit trail)");
        reason.setText(ReasonMemory.SESSION.last(REASON_KIND));
        Label error = new Label();
        error.setId("deployFormError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("Software"), software);
        grid.addRow(1, new Label("Version"), version);
        grid.addRow(2, new Label("Nodes"), nodes);
        grid.addRow(3, new Label("or group"), group);
        grid.addRow(4, new Label(""), force);
        grid.addRow(5, new Label("Parallel"), parallel);
        grid.addRow(6, new Label("Registry"), registry);
        grid.addRow(7, new Label("Passphrase"), passphrase);
        grid.addRow(8, new Label("Reason"), reason);
        grid.add(error, 0, 9, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Deploy");
        ok.setId("deployStartButton");
        java.util.function.Supplier<NewDeployForm> form = () -> new NewDeployForm(software.getText(),
                version.getText(), NO_GROUP.equals(group.getValue()) ? List.copyOf(nodes.getSelectionModel()
                .getSelectedItems()) : List.of(), NO_GROUP.equals(group.getValue()) ? null : group.getValue(),
                force.isSelected(), parallel.getValue(), registry.getValue(), passphrase.getText().toCharArray());
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            String problem = form.get().problem();
            if (!problem.isEmpty()) {
                error.setText(problem);
                e.consume();
            }
        });
        setResultConverter(b -> {
            NewDeployForm f = b == ButtonType.OK ? form.get() : null;
            passphrase.clear();
            if (f != null) {
                ReasonMemory.SESSION.remember(REASON_KIND, reason.getText());
            }
            return f;
        });
    }

    /** The reason typed (blank: none); read after the dialog closed with Deploy. */
    String reason() {
        return reason.getText();
    }
}
