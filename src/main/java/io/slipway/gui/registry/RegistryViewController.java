package io.slipway.gui.registry;

import io.slipway.gui.common.Columns;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionModel;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Binds the Registry view to its view-model; puts copied digests and references on the clipboard. */
public final class RegistryViewController {
    private final RegistryViewModel vm;

    @FXML private ComboBox<String> registryChoice;
    @FXML private PasswordField passphraseField;
    @FXML private Button connectButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label statusLabel;
    @FXML private Label warningBanner;
    @FXML private Label errorBanner;
    @FXML private TextField repositoryFilter;
    @FXML private ListView<String> repositoryList;
    @FXML private Label repositorySummary;
    @FXML private TextField tagFilter;
    @FXML private ListView<String> tagList;
    @FXML private Label tagSummary;
    @FXML private Label manifestPlaceholder;
    @FXML private ScrollPane manifestScroll;
    @FXML private Label manifestReference;
    @FXML private Label manifestKind;
    @FXML private Label manifestMediaType;
    @FXML private Label manifestDigest;
    @FXML private Button copyDigestButton;
    @FXML private Button copyReferenceButton;
    @FXML private VBox platformsBox;
    @FXML private TableView<PlatformRow> platformTable;
    @FXML private TableColumn<PlatformRow, String> platformColumn;
    @FXML private TableColumn<PlatformRow, String> platformDigestColumn;
    @FXML private TableColumn<PlatformRow, String> platformSizeColumn;
    @FXML private Label imageTitle;
    @FXML private Node imageFacts;
    @FXML private Label imageDigestName;
    @FXML private Label imageDigest;
    @FXML private Label imageSize;
    @FXML private Label imageCreated;
    @FXML private Label imagePlatform;
    @FXML private Label imageConfig;
    @FXML private TableView<LabelRow> labelTable;
    @FXML private TableColumn<LabelRow, String> labelNameColumn;
    @FXML private TableColumn<LabelRow, String> labelValueColumn;
    @FXML private TableView<LayerRow> layerTable;
    @FXML private TableColumn<LayerRow, String> layerPositionColumn;
    @FXML private TableColumn<LayerRow, String> layerDigestColumn;
    @FXML private TableColumn<LayerRow, String> layerSizeColumn;
    @FXML private TableColumn<LayerRow, String> layerTypeColumn;

    @FXML private Button loginButton;
    @FXML private Button removeButton;
    @FXML private Label noticeBanner;

    public RegistryViewController(RegistryViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        registryChoice.setItems(vm.registryNames());
        registryChoice.valueProperty().bindBidirectional(vm.selectedRegistryProperty());
        passphraseField.disableProperty().bind(vm.needsPassphraseProperty().not());
        passphraseField.promptTextProperty().bind(Bindings.when(vm.needsPassphraseProperty())
                .then("Workspace passphrase").otherwise("No credentials stored"));
        connectButton.disableProperty().bind(vm.canConnectProperty().not());
        connectButton.textProperty().bind(Bindings.when(vm.needsPassphraseProperty())
                .then("Unlock and connect").otherwise("Connect"));
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        banner(warningBanner, vm.warningProperty());
        banner(errorBanner, vm.errorProperty());
        banner(noticeBanner, vm.admin().noticeProperty());
        loginButton.disableProperty().bind(vm.selectedRegistryProperty().isNull());
        removeButton.disableProperty().bind(vm.selectedRegistryProperty().isNull());

        browseList(repositoryList, repositoryFilter, repositorySummary, vm.repositories(),
                vm.selectedRepositoryProperty());
        browseList(tagList, tagFilter, tagSummary, vm.tags(), vm.selectedTagProperty());
        tagList.setContextMenu(new ContextMenu(menuItem("Copy reference (by tag)",
                () -> copy(vm.tagReference(tagList.getSelectionModel().getSelectedItem())))));
        initManifest();
    }

    private void initManifest() {
        ManifestModel m = vm.manifest();
        shown(manifestScroll, m.shownProperty());
        shown(manifestPlaceholder, m.shownProperty().not());
        manifestReference.textProperty().bind(m.referenceProperty());
        manifestKind.textProperty().bind(m.kindProperty());
        manifestMediaType.textProperty().bind(m.mediaTypeProperty());
        manifestDigest.textProperty().bind(m.digestProperty());
        copyDigestButton.disableProperty().bind(m.shownProperty().not());
        copyReferenceButton.disableProperty().bind(m.shownProperty().not());

        shown(platformsBox, m.indexProperty());
        platformTable.setItems(m.platforms());
        Columns.text(platformColumn, PlatformRow::platform);
        Columns.text(platformDigestColumn, PlatformRow::digest);
        Columns.text(platformSizeColumn, PlatformRow::size);
        link(platformTable.getSelectionModel(), m.selectedPlatformProperty());
        platformTable.setContextMenu(new ContextMenu(menuItem("Copy digest",
                () -> copy(selectedOr(platformTable, PlatformRow::digest)))));

        imageTitle.textProperty().bind(m.imageTitleProperty());
        shown(imageFacts, m.imageShownProperty());
        imageDigest.textProperty().bind(m.imageDigestProperty());
        // a plain image's digest is the manifest digest above; only a platform of an index has its own
        shown(imageDigestName, m.indexProperty());
        shown(imageDigest, m.indexProperty());
        imageSize.textProperty().bind(m.sizeProperty());
        imageCreated.textProperty().bind(m.createdProperty());
        imagePlatform.textProperty().bind(m.platformProperty());
        imageConfig.textProperty().bind(m.configProperty());
        labelTable.setItems(m.labels());
        Columns.text(labelNameColumn, LabelRow::name);
        Columns.text(labelValueColumn, LabelRow::value);
        labelTable.setContextMenu(new ContextMenu(menuItem("Copy label",
                () -> copy(selectedOr(labelTable, r -> r.name() + "=" + r.value())))));
        layerTable.setItems(m.layers());
        Columns.text(layerPositionColumn, r -> Integer.toString(r.position()));
        Columns.text(layerDigestColumn, LayerRow::digest);
        Columns.text(layerSizeColumn, LayerRow::size);
        Columns.text(layerTypeColumn, LayerRow::mediaType);
        layerTable.setContextMenu(new ContextMenu(menuItem("Copy digest",
                () -> copy(selectedOr(layerTable, LayerRow::digest)))));
    }

    /** A filter field, a list whose selection is the view-model's, its summary and its empty-list text. */
    private static void browseList(ListView<String> list, TextField filter, Label summary, FilteredNames names,
                                   ObjectProperty<String> selected) {
        list.setItems(names.visible());
        filter.textProperty().bindBidirectional(names.filterProperty());
        summary.textProperty().bind(names.summaryProperty());
        Label placeholder = new Label();
        placeholder.getStyleClass().add("empty-state");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(names.emptyTextProperty());
        list.setPlaceholder(placeholder);
        link(list.getSelectionModel(), selected);
    }

    /** Keeps a list's or table's selection and the view-model's property the same, whichever side changes. */
    private static <T> void link(SelectionModel<T> selection, ObjectProperty<T> property) {
        selection.selectedItemProperty().addListener((obs, was, now) -> property.set(now));
        property.addListener((obs, was, now) -> {
            if (now == null) {
                selection.clearSelection();
            } else if (!now.equals(selection.getSelectedItem())) {
                selection.select(now);
            }
        });
    }

    private static void banner(Label banner, ObservableStringValue text) {
        banner.textProperty().bind(text);
        shown(banner, Bindings.isNotEmpty(text));
    }

    private static void shown(Node node, ObservableBooleanValue visible) {
        node.visibleProperty().bind(visible);
        node.managedProperty().bind(visible);
    }

    private static <R> String selectedOr(TableView<R> table, Function<R, String> text) {
        R row = table.getSelectionModel().getSelectedItem();
        return row == null ? "" : text.apply(row);
    }

    private static MenuItem menuItem(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Reads the passphrase field into a char array the view-model wipes, and empties the field. */
    @FXML
    private void connect() {
        char[] passphrase = passphraseField.getText().toCharArray();
        passphraseField.clear();
        vm.connect(passphrase);
    }

    @FXML
    private void addRegistry() {
        RegistryAdmin admin = vm.admin();
        new AddRegistryDialog(window(), admin.addForm(vm.registryNames()), admin::add).showAndWait();
    }

    @FXML
    private void login() {
        vm.config(vm.selectedRegistryProperty().get()).ifPresent(cfg -> new LoginDialog(window(),
                vm.admin().loginForm(cfg), cfg.url().toString(), vm.admin()::login).showAndWait());
    }

    @FXML
    private void removeRegistry() {
        String name = vm.selectedRegistryProperty().get();
        if (name == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Remove registry '" + name + "' and its stored "
                + "credentials from this workspace? Deploys naming it will no longer find it.", ButtonType.OK,
                ButtonType.CANCEL);
        confirm.initOwner(window());
        confirm.setHeaderText("Remove registry '" + name + "'");
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.admin().remove(name));
    }

    private Window window() {
        return statusLabel.getScene().getWindow();
    }

    @FXML
    private void copyDigest() {
        copy(vm.manifest().digestProperty().get());
    }

    @FXML
    private void copyReference() {
        copy(vm.manifest().pinnedReference());
    }

    private static void copy(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
