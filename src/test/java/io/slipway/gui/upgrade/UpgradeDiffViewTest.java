package io.slipway.gui.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.gui.SampleConsoleFixture;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The Upgrades diff table, headless on the sample: clicks choose cells, nodes and columns; "not installed" shows. */
class UpgradeDiffViewTest extends SampleConsoleFixture {
    @Test
    void clicksChooseCellsRowsAndColumnsAndNotInstalledIsNoTarget() throws Exception {
        openConsole();
        robot.clickOn("#nav-upgrades");
        Label plan = lookup("#upgradePlan");
        waitUntil(() -> plan.getText().equals("Upgrade… acts on all 6 upgrades"));
        assertThat(robot.lookup(".upgrade-absent").queryAll()).isNotEmpty()
                .allMatch(n -> ((Labeled) n).getText().equals("not installed"));

        robot.clickOn(cell("2.3.1 → 2.4.0"));
        waitUntil(() -> plan.getText().equals("1 cell chosen: 1 upgrade"));
        assertThat(robot.lookup(".upgrade-chosen").queryAll()).hasSize(1);

        robot.clickOn(cell("build-node-03"));
        waitUntil(() -> plan.getText().equals("4 cells chosen: 2 upgrades"));
        assertThat(robot.lookup(".upgrade-chosen").queryAll()).hasSize(4);

        robot.press(KeyCode.CONTROL);
        robot.clickOn("#software-header-hmi-app");
        robot.release(KeyCode.CONTROL);
        // hmi-app on build-node-01 adds that node, whose perception-core comes along (nodes × software)
        waitUntil(() -> plan.getText().equals("7 cells chosen: 4 upgrades (1 more come with their nodes × software)"));

        robot.clickOn("#alsoInstall");
        waitUntil(() -> !robot.lookup(".upgrade-install").queryAll().isEmpty());
        assertThat(robot.lookup(".upgrade-chosen").queryAll()).hasSize(7);
        assertThat(plan.getText()).startsWith("7 cells chosen: ").contains(" installs");

        robot.clickOn("#clearChoiceButton");
        waitUntil(() -> robot.lookup(".upgrade-chosen").queryAll().isEmpty());
        assertThat(this.<Button>lookup("#upgradeButton").isDisabled()).isFalse();
    }

    private Node cell(String text) {
        return robot.lookup(".table-cell").queryAll().stream()
                .filter(n -> n instanceof Labeled l && text.equals(l.getText())).findFirst().orElseThrow();
    }
}
