package io.slipway.gui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.gui.SampleConsoleFixture;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a user reads first is whole at the default window size and at 1280×720: in every view (and every tab of
 * it), no title, button, tab, column header, filter choice or filter prompt is elided or clipped.
 */
class FitsAtFirstSightTest extends SampleConsoleFixture {

    static List<Arguments> sizes() {
        return List.of(Arguments.of(WindowPlacement.DEFAULT_WIDTH, WindowPlacement.DEFAULT_HEIGHT),
                Arguments.of(1280.0, 720.0));
    }

    @ParameterizedTest(name = "{0}x{1}")
    @MethodSource("sizes")
    void nothingUsersReadFirstIsElided(double width, double height) throws Exception {
        openConsole();
        onFx(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            return null;
        });
        List<String> elided = new ArrayList<>();
        for (ConsoleView view : ConsoleView.values()) {
            robot.clickOn("#nav-" + view.settingValue());
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(300); // let a background load fill filters and columns, then lay out again
            WaitForAsyncUtils.waitForFxEvents();
            for (TabPane tabs : onFx(() -> robot.lookup(".tab-pane").queryAllAs(TabPane.class)
                    .stream().filter(FitsAtFirstSightTest::showing).toList())) {
                for (Tab tab : List.copyOf(tabs.getTabs())) {
                    onFx(() -> {
                        tabs.getSelectionModel().select(tab);
                        return null;
                    });
                    WaitForAsyncUtils.waitForFxEvents();
                    elided.addAll(onFx(() -> elidedIn(stage.getScene().getRoot(), view + "/" + tab.getText())));
                }
            }
            elided.addAll(onFx(() -> elidedIn(stage.getScene().getRoot(), view.title())));
        }
        assertThat(elided).as("elided or clipped at %sx%s", width, height).isEmpty();
    }

    /** Descriptions of every elided text among the controls a user reads first. */
    static List<String> elidedIn(Parent root, String where) {
        root.applyCss();
        root.layout();
        List<String> found = new ArrayList<>();
        for (Node node : root.lookupAll("*")) {
            if (!showing(node)) {
                continue;
            }
            if (node instanceof Labeled labeled && readFirst(labeled) && isElided(labeled)) {
                found.add(where + ": " + labeled.getClass().getSimpleName() + " '" + labeled.getText() + "' shows '"
                        + shownText(labeled) + "' in " + Math.round(labeled.getWidth()) + " px");
            }
            if (node instanceof TextField field && promptClipped(field)) {
                found.add(where + ": prompt '" + field.getPromptText() + "' clipped in " + Math.round(field.getWidth())
                        + " px");
            }
        }
        return found;
    }

    private static boolean readFirst(Labeled labeled) {
        if (labeled instanceof ButtonBase) {
            return true;
        }
        if (labeled instanceof ListCell<?>) {
            return ancestor(labeled, ComboBox.class); // a combo's shown choice, not a list's rows
        }
        if (labeled instanceof Label label) {
            return label.getStyleClass().contains("view-title") || label.getStyleClass().contains("section-title")
                    || label.getStyleClass().contains("tab-label") || ancestor(label, TableColumnHeader.class);
        }
        return false;
    }

    private static boolean isElided(Labeled labeled) {
        String full = labeled.getText();
        if (full == null || full.isEmpty()) {
            return false;
        }
        String expected = labeled.isMnemonicParsing() ? full.replaceFirst("_", "") : full;
        return !expected.equals(shownText(labeled)) || offWindow(labeled);
    }

    /** The text the skin draws (a menu button draws it in a nested label). */
    private static String shownText(Labeled labeled) {
        return labeled.lookupAll(".text").stream()
                .filter(t -> t instanceof Text && t.getClass().getSimpleName().equals("LabeledText"))
                .map(t -> ((Text) t).getText()).findFirst().orElse("");
    }

    /**
     * Pushed past the window's right or bottom edge by a row too full to fit. (A wide table's headers beyond its
     * horizontal scroll bar are scrolled out of view, not elided.)
     */
    private static boolean offWindow(Node node) {
        if (ancestor(node, TableColumnHeader.class) && scrollsSideways(node)) {
            return false;
        }
        var bounds = node.localToScene(node.getLayoutBounds());
        return bounds.getMaxX() > node.getScene().getWidth() + 1 || bounds.getMaxY() > node.getScene().getHeight() + 1;
    }

    private static boolean promptClipped(TextField field) {
        String prompt = field.getPromptText();
        if (prompt == null || prompt.isEmpty() || !field.getText().isEmpty()) {
            return false;
        }
        Text probe = new Text(prompt);
        probe.setFont(field.getFont());
        double room = field.getWidth() - field.snappedLeftInset() - field.snappedRightInset();
        return probe.getLayoutBounds().getWidth() > room + 0.5 || offWindow(field);
    }

    private static boolean scrollsSideways(Node header) {
        Node table = header;
        while (table != null && !(table instanceof Control c && (c instanceof TableView<?> || c instanceof TreeTableView<?>))) {
            table = table.getParent();
        }
        return table != null && table.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar bar
                && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible());
    }

    private static boolean ancestor(Node node, Class<?> type) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (type.isInstance(p)) {
                return true;
            }
        }
        return false;
    }

    /** Visible all the way up (a hidden tab's content is in the graph but not shown). */
    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
