package io.slipway.gui.shell;

import io.slipway.core.common.LogLocation;
import io.slipway.gui.common.FolderOpener;
import io.slipway.gui.common.FxmlLoaderFactory;
import io.slipway.gui.look.Icons;
import io.slipway.gui.tasks.RunningTasks;
import java.util.EnumMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.TaskProgressView;

/** The shell: navigation, menus with the shortcuts, the content area and the status bar with running tasks. */
public final class MainWindowController {
    private final MainWindowViewModel vm;
    private final FxmlLoaderFactory loaders;
    private final RunningTasks running;
    private final Map<ConsoleView, Parent> loadedViews = new EnumMap<>(ConsoleView.class);
    private final Map<ConsoleView, ToggleButton> navButtons = new EnumMap<>(ConsoleView.class);
    private final TaskProgressView<Task<?>> taskList = new TaskProgressView<>();
    private PopOver taskPopOver;

    @FXML private Menu viewMenu;
    @FXML private VBox navigation;
    @FXML private StackPane content;
    @FXML private StatusBar statusBar;

    public MainWindowController(MainWindowViewModel vm, FxmlLoaderFactory loaders, RunningTasks running) {
        this.vm = vm;
        this.loaders = loaders;
        this.running = running;
    }

    @FXML
    private void initialize() {
        ToggleGroup group = new ToggleGroup();
        for (ConsoleView view : ConsoleView.values()) {
            addNavigation(view, group);
        }
        vm.currentViewProperty().addListener((obs, was, now) -> show(now));
        show(vm.currentViewProperty().get());
        initStatusBar();
    }

    private void addNavigation(ConsoleView view, ToggleGroup group) {
        KeyCombination shortcut = new KeyCodeCombination(KeyCode.valueOf("DIGIT" + view.shortcutDigit()),
                KeyCombination.SHORTCUT_DOWN);
        ToggleButton button = new ToggleButton(view.title(), Icons.icon(view.icon()));
        button.setId("nav-" + view.settingValue());
        button.getStyleClass().add("nav-button");
        button.setToggleGroup(group);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        button.setTooltip(new Tooltip(view.title() + " (" + shortcut.getDisplayText() + ")"));
        button.setOnAction(e -> vm.navigate(view));
        navigation.getChildren().add(button);
        navButtons.put(view, button);

        MenuItem item = new MenuItem(view.title());
        item.setAccelerator(shortcut);
        item.setOnAction(e -> vm.navigate(view));
        viewMenu.getItems().add(item);
    }

    private void show(ConsoleView view) {
        if (view == null) {
            return;
        }
        Parent node = loadedViews.computeIfAbsent(view, v -> loaders.load(v.fxml()));
        content.getChildren().setAll(node);
        // a click on the selected toggle would deselect it; the current view stays selected regardless
        navButtons.get(view).setSelected(true);
    }

    private void initStatusBar() {
        statusBar.textProperty().bind(vm.statusTextProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(vm.runningTaskCountProperty().greaterThan(0));
        Button tasksButton = new Button();
        tasksButton.setId("tasksButton");
        tasksButton.getStyleClass().add("tasks-button");
        tasksButton.textProperty().bind(vm.runningTaskCountProperty().asString("Tasks: %d"));
        tasksButton.setOnAction(e -> toggleTaskList(tasksButton));
        HBox right = new HBox(6, spinner, tasksButton);
        right.setAlignment(Pos.CENTER_RIGHT);
        statusBar.getRightItems().add(right);

        // TaskProgressView drops finished tasks itself; it only needs to hear of new ones
        taskList.getTasks().addAll(running.tasks());
        running.tasks().addListener((ListChangeListener<Task<?>>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(taskList.getTasks()::add);
            }
        });
        taskList.setPrefSize(420, 240);
    }

    private void toggleTaskList(Button anchor) {
        if (taskPopOver == null) {
            taskPopOver = new PopOver(taskList);
            taskPopOver.setTitle("Running tasks");
            taskPopOver.setHeaderAlwaysVisible(true);
            taskPopOver.setDetachable(false);
            taskPopOver.setArrowLocation(PopOver.ArrowLocation.BOTTOM_RIGHT);
        }
        if (taskPopOver.isShowing()) {
            taskPopOver.hide();
        } else {
            taskPopOver.show(anchor);
        }
    }

    @FXML
    private void refresh() {
        vm.refreshCurrent();
    }

    @FXML
    private void about() {
        AboutDialog.show(content.getScene().getWindow(), vm.aboutHeader(), vm.aboutText());
    }

    @FXML
    private void openLogFolder() {
        FolderOpener.open(LogLocation.current()).ifPresent(vm::report);
    }

    @FXML
    private void quit() {
        content.getScene().getWindow().hide();
    }
}
