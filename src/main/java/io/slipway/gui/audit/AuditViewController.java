package io.slipway.gui.audit;

import io.slipway.core.audit.AuditEvent;
import io.slipway.gui.common.Columns;
import io.slipway.gui.common.Formats;
import io.slipway.gui.common.Placeholders;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Binds the Audit view: the event table and the chain check. */
public final class AuditViewController {
    private final AuditViewModel vm;

    @FXML private Button verifyButton;
    @FXML private Label verifyLabel;
    @FXML private Label summaryLabel;
    @FXML private TableView<AuditEvent> table;
    @FXML private TableColumn<AuditEvent, Long> seqColumn;
    @FXML private TableColumn<AuditEvent, String> timeColumn;
    @FXML private TableColumn<AuditEvent, String> whoColumn;
    @FXML private TableColumn<AuditEvent, String> actionColumn;
    @FXML private TableColumn<AuditEvent, String> subjectColumn;
    @FXML private TableColumn<AuditEvent, String> detailsColumn;

    public AuditViewController(AuditViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        table.setItems(vm.events());
        Placeholders.bind(table.placeholderProperty(), vm, "The audit trail is empty.");
        Columns.value(seqColumn, AuditEvent::seq);
        Columns.text(timeColumn, e -> Formats.time(e.at()));
        Columns.text(whoColumn, AuditEvent::who);
        Columns.text(actionColumn, AuditEvent::action);
        Columns.text(subjectColumn, AuditEvent::subject);
        Columns.text(detailsColumn, AuditEvent::detailsJson);
        summaryLabel.textProperty().bind(vm.summaryProperty());
        verifyButton.disableProperty().bind(vm.verifyingProperty());
        verifyLabel.textProperty().bind(vm.verifyResultProperty());
        vm.verdictProperty().addListener((obs, was, now) -> styleVerdict(now));
        styleVerdict(vm.verdictProperty().get());
    }

    @FXML
    private void verifyChain() {
        vm.verifyChain();
    }

    private void styleVerdict(AuditViewModel.Verdict verdict) {
        verifyLabel.getStyleClass().removeIf(s -> s.startsWith("verdict-"));
        verifyLabel.getStyleClass().add("verdict-" + verdict.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
