package io.slipway.gui.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.gui.SampleConsoleFixture;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;

/** The add / edit / remove dialogs of the Nodes view, headless, on the sample workspace. */
class NodeDialogsTest extends SampleConsoleFixture {
    @Test
    void addShowsProblemsInTheDialogThenAddsTheNodeAndRemoveAsksFirst() throws Exception {
        openConsole();
        TableView<NodeRow> table = robot.lookup("#nodesTable").query();
        waitUntil(() -> table.getItems().size() == 4);

        robot.clickOn("#addNodeButton");
        robot.clickOn("#nodeName").write("bad name");
        robot.clickOn("#nodeEndpoint").write("tcp://127.0.0.1:1");
        robot.clickOn("OK");
        Label error = robot.lookup("#nodeFormError").query();
        waitUntil(() -> error.getText().contains("not usable"));

        TextField name = robot.lookup("#nodeName").query();
        onFx(() -> {
            name.setText("edge-01");
            return null;
        });
        robot.clickOn("#nodeGroups").write("edge");
        robot.clickOn("#nodeLabels").write("rack=7");
        robot.clickOn("OK");
        waitUntil(() -> table.getItems().stream().anyMatch(r -> r.name().equals("edge-01")));
        assertThat(core.inventory().require("edge-01").labels()).containsEntry("rack", "7");

        onFx(() -> {
            table.getSelectionModel().select(
                    table.getItems().stream().filter(r -> r.name().equals("edge-01")).findFirst().orElseThrow());
            return null;
        });
        robot.clickOn("#removeNodeButton");
        robot.clickOn("OK");
        waitUntil(() -> table.getItems().stream().noneMatch(r -> r.name().equals("edge-01")));
        assertThat(core.inventory().all()).hasSize(4);
    }
}
