package io.slipway.gui.audit;

import io.slipway.core.audit.AuditEvent;
import io.slipway.gui.common.Columns;
import io.slipway.gui.common.Formats;
import io.slipway.gui.common.Placeholders;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.util.Duration;

/** Binds the Audit view: filters, the paged event table, the detail pane and the chain check. */
public final class AuditViewController {
    /** Typing pauses this long before the filter runs (one query per pause, not per key). */
    private static final Duration TYPING_PAUSE = Duration.millis(250);

    private final AuditViewModel vm;

    @FXML private Button verifyButton;
    @FXML private ProgressBar verifyProgress;
    @FXML private Label verifyLabel;
    @FXML private Label summaryLabel;
    @FXML private Button moreButton;
    @FXML private Label exportLabel;
    @FXML private TextField sinceField;
    @FXML private TextField untilField;
    @FXML private ComboBox<String> actionBox;
    @FXML private TextField subjectField;
    @FXML private TextField whoField;
    @FXML private TextField searchField;
    @FXML private Label filterErrorLabel;
    @FXML private TableView<AuditEvent> table;
    @FXML private TableColumn<AuditEvent, Long> seqColumn;
    @FXML private TableColumn<AuditEvent, String> timeColumn;
    @FXML private TableColumn<AuditEvent, String> whoColumn;
    @FXML private TableColumn<AuditEvent, String> actionColumn;
    @FXML private TableColumn<AuditEvent, String> subjectColumn;
    @FXML private TableColumn<AuditEvent, String> reasonColumn;
    @FXML private Label detailPlaceholder;
    @FXML private GridPane detailGrid;
    @FXML private Hyperlink detailLink;

    public AuditViewController(AuditViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        table.setItems(vm.events());
        Placeholders.bind(table.placeholderProperty(), vm, "No audit events match.");
        Columns.value(seqColumn, AuditEvent::seq);
        Columns.text(timeColumn, e -> Formats.time(e.at()));
        Columns.text(whoColumn, AuditEvent::whoAndWhere);
        Columns.text(actionColumn, AuditEvent::action);
        Columns.text(subjectColumn, AuditEvent::subject);
        Columns.text(reasonColumn, e -> e.reason() == null ? "" : e.reason());
        summaryLabel.textProperty().bind(vm.summaryProperty());
        moreButton.visibleProperty().bind(vm.hasMoreProperty());
        exportLabel.textProperty().bind(vm.exportResultProperty());
        verifyButton.disableProperty().bind(vm.verifyingProperty());
        verifyLabel.textProperty().bind(vm.verifyResultProperty());
        verifyProgress.progressProperty().bind(vm.verifyProgressProperty());
        verifyProgress.visibleProperty().bind(vm.verifyingProperty());
        vm.verdictProperty().addListener((obs, was, now) -> styleVerdict(now));
        styleVerdict(vm.verdictProperty().get());

        actionBox.setItems(vm.actionChoices());
        actionBox.valueProperty().bindBidirectional(vm.actionProperty());
        sinceField.textProperty().bindBidirectional(vm.sinceProperty());
        untilField.textProperty().bindBidirectional(vm.untilProperty());
        subjectField.textProperty().bindBidirectional(vm.subjectProperty());
        whoField.textProperty().bindBidirectional(vm.whoProperty());
        searchField.textProperty().bindBidirectional(vm.searchProperty());
        filterErrorLabel.textProperty().bind(vm.filterErrorProperty());
        PauseTransition typing = new PauseTransition(TYPING_PAUSE);
        typing.setOnFinished(e -> vm.applyFilter());
        for (TextField f : new TextField[] {sinceField, untilField, subjectField, whoField, searchField}) {
            f.textProperty().addListener((obs, was, now) -> typing.playFromStart());
            f.setOnAction(e -> {
                typing.stop();
                vm.applyFilter();
            });
        }
        actionBox.valueProperty().addListener((obs, was, now) -> vm.applyFilter());

        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((obs, was, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
                table.scrollTo(now);
            }
        });
        vm.detailProperty().addListener((obs, was, now) -> showDetail(now));
        showDetail(vm.detailProperty().get());
    }

    private void showDetail(AuditEventDetail d) {
        detailGrid.getChildren().clear();
        detailPlaceholder.setVisible(d == null);
        detailPlaceholder.setManaged(d == null);
        detailLink.setVisible(d != null && d.link().isPresent());
        if (d == null) {
            return;
        }
        int row = 0;
        for (AuditEventDetail.Field f : d.fields()) {
            addRow(row++, f.name(), f.value());
        }
        addRow(row++, "Hash", d.hash());
        addRow(row, "Previous hash", d.prevHash());
        detailLink.setText(d.link().map(AuditLink::label).orElse(""));
    }

    private void addRow(int row, String name, String value) {
        Label k = new Label(name);
        k.getStyleClass().add("detail-key");
        // read-only fields so hashes and ids can be selected and copied
        TextField v = new TextField(value);
        v.setEditable(false);
        v.getStyleClass().add("detail-value");
        v.setId("auditDetail-" + name.toLowerCase(Locale.ROOT).replace(' ', '-'));
        detailGrid.addRow(row, k, v);
        GridPane.setFillWidth(v, true);
    }

    @FXML
    private void verifyChain() {
        vm.verifyChain();
    }

    @FXML
    private void clearFilter() {
        vm.clearFilter();
    }

    @FXML
    private void loadMore() {
        vm.loadMore();
    }

    @FXML
    private void export() {
        new ExportDialog(table.getScene().getWindow(), vm.workspaceHasPassphrase()).showAndWait()
                .ifPresent(c -> vm.exportShown(c.file(), c.format(), c.passphrase()));
    }

    @FXML
    private void openLink() {
        vm.openLink();
    }

    private void styleVerdict(AuditViewModel.Verdict verdict) {
        verifyLabel.getStyleClass().removeIf(s -> s.startsWith("verdict-"));
        verifyLabel.getStyleClass().add("verdict-" + verdict.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
