package io.slipway.gui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.audit.AuditEvent;
import io.slipway.gui.SampleConsoleFixture;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The Audit view in the real console: filter, search, detail pane, link to Deploys, verify with a broken chain. */
class AuditViewClickThroughTest extends SampleConsoleFixture {
    @Test
    void anAuditorFindsWhoDidWhatAndWhy() throws Exception {
        workspace().audit().withReason("customer hotfix OPS-31", () -> workspace().audit().record("deploy.started",
                "perception-core@2.4.1", Map.of("nodes", List.of("build-node-01"), "forced", false)));
        workspace().audit().record("node.edited", "hil-bench-01", Map.of("notes", "moved to lab B"));
        openConsole();
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5);
        TableView<AuditEvent> table = lookup("#auditTable");
        waitUntil(() -> table.getItems().size() == 4);

        robot.clickOn("#auditSearch").write("hotfix").push(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 1);
        assertThat(this.<Label>lookup("#auditSummary").getText()).isEqualTo("1 matching (4 events in all)");

        robot.clickOn(row(0));
        waitUntil(() -> robot.lookup("#auditDetail-reason").tryQuery().isPresent());
        assertThat(this.<TextField>lookup("#auditDetail-reason").getText()).isEqualTo("customer hotfix OPS-31");
        assertThat(this.<TextField>lookup("#auditDetail-hash").getText()).isEqualTo(table.getItems().get(0).hash());
        assertThat(this.<TextField>lookup("#auditDetail-previous-hash").getText()).hasSize(64);
        Hyperlink link = lookup("#auditDetailLink");
        assertThat(link.getText()).isEqualTo("Open in Deploys");

        robot.clickOn("#auditClearFilter");
        waitUntil(() -> table.getItems().size() == 4);
        workspace().workspace().jdbc().update("DROP TRIGGER audit_event_append_only");
        workspace().workspace().jdbc().update("UPDATE audit_event SET subject = 'hil-bench-99' WHERE seq = 4");
        robot.clickOn("#verifyButton");
        Label verdict = lookup("#verifyResult");
        waitUntil(() -> verdict.getText().startsWith("BROKEN"));
        assertThat(verdict.getText()).startsWith("BROKEN at event 4: its content does not match its hash");
        waitUntil(() -> table.getSelectionModel().getSelectedItem() != null);
        assertThat(table.getSelectionModel().getSelectedItem().seq()).isEqualTo(4);

        robot.clickOn(row(1));
        waitUntil(() -> "Open in Deploys".equals(link.getText()));
        robot.clickOn(link);
        waitUntil(() -> robot.lookup("#deploysTable").tryQuery().isPresent()
                && robot.lookup("#deploysTable").query().isVisible());
    }

    /** The table row showing item {@code index} (rows are recycled, so look it up by what it shows). */
    private javafx.scene.Node row(int index) {
        return robot.lookup("#auditTable .table-row-cell").match((javafx.scene.control.TableRow<?> r) ->
                r.getIndex() == index && r.getItem() != null).query();
    }
}
