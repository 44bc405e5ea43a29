package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.deploy.DeployRequest;
import io.slipway.core.deploy.DeployState;
import io.slipway.core.registry.RegistrySpec;
import io.slipway.core.upgrade.RunStatus;
import io.slipway.core.upgrade.TargetAction;
import io.slipway.core.upgrade.UpgradeHistoryEntry;
import io.slipway.core.upgrade.UpgradeStatus;
import io.slipway.core.upgrade.UpgradeTargetRecord;
import io.slipway.gui.upgrade.HistoryFilter;
import io.slipway.gui.upgrade.LiveTargetRow;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One upgrade driven from the Upgrades view, headless, over the real nodes and registry: an offer of two software,
 * one whose new build runs healthy on every node, one whose new build exits soon on the single node that has it.
 * The live table and the History tab show both verdicts: committed + healthy, and succeeded + abnormal, rolled back.
 */
class UpgradeViewIT extends ConsoleFixture {
    private static final String PASSPHRASE = "upgrade-view-it-passphrase";

    @Test
    void anUpgradeStartedFromTheViewShowsBothStatusesLiveAndInHistory() throws Exception {
        String ok = DeploySupport.uniqueSoftware("upgview-ok");
        String bad = DeploySupport.uniqueSoftware("upgview-bad");
        DeployFixtures.publish(ok, "1.0.0", DeployFixtures.Variant.NORMAL);
        DeployFixtures.publish(ok, "1.1.0", DeployFixtures.Variant.NORMAL, UpgradeSupport.healthy(ok));
        DeployFixtures.publish(bad, "1.0.0", DeployFixtures.Variant.NORMAL);
        DeployFixtures.publish(bad, "1.1.0", DeployFixtures.Variant.NORMAL, UpgradeSupport.exitsSoon(bad));
        workspace();
        List<io.slipway.core.inventory.Node> fleet = support.nodes();
        assertThat(support.deploy(DeployRequest.of(ok, "1.0.0", fleet).withParallelism(3)).state())
                .isEqualTo(DeployState.SUCCEEDED);
        io.slipway.core.inventory.Node first = fleet.get(0);
        assertThat(support.deploy(DeployRequest.of(bad, "1.0.0", List.of(first))).state())
                .isEqualTo(DeployState.SUCCEEDED);
        UpgradeSupport.offer(support, "view-it offer", Map.of(ok, "1.1.0", bad, "1.1.0"));
        support.core.registries().add(new RegistrySpec("it", "https://" + TestEnvironment.registry(),
                Files.readString(TestEnvironment.registryCa()), TestEnvironment.registryUser(), false, false),
                TestEnvironment.registryPassword().toCharArray(),
                support.core.registries().unlock(PASSPHRASE.toCharArray()));
        int targets = fleet.size() + 1;

        openConsole();
        robot.clickOn("#nav-upgrades");
        Label plan = lookup("#upgradePlan");
        waitUntil(() -> plan.getText().equals("Upgrade… acts on all " + targets + " upgrades"));
        // the nodes without the second software show it as not installed, not as a target
        assertThat(robot.lookup(".upgrade-absent").queryAll()).hasSize(fleet.size() - 1);

        robot.clickOn("#upgradeButton");
        ComboBox<String> registry = lookup("#upgradeRegistry");
        waitUntil(() -> "it".equals(registry.getValue()));
        assertThat(this.<javafx.scene.control.ListView<String>>lookup("#upgradeTargets").getItems()).hasSize(targets);
        onFx(() -> {
            // one wave, and the abnormal target may not pause it: this test looks at the verdicts
            this.<TextField>lookup("#upgradeWaves").setText("100%");
            this.<TextField>lookup("#upgradeCanaryFailures").setText("100%");
            this.<TextField>lookup("#upgradeWatch").setText(String.valueOf(UpgradeSupport.WATCH.toSeconds()));
            this.<TextField>lookup("#upgradeReason").setText("view IT");
            this.<PasswordField>lookup("#upgradePassphrase").setText(PASSPHRASE);
            return null;
        });
        robot.clickOn("#upgradeStartButton");

        TableView<LiveTargetRow> live = lookup("#upgradeLiveTable");
        waitUntil(() -> this.<TabPane>lookup("#upgradeTabs").getSelectionModel().getSelectedIndex() == 1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.MINUTES, () -> onFx(() -> live.getItems().size() == targets
                && live.getItems().stream().allMatch(r -> r.recordProperty().get().phase().isFinal())));
        List<UpgradeTargetRecord> records = onFx(() -> live.getItems().stream()
                .map(r -> r.recordProperty().get()).toList());
        String seen = records.stream().map(t -> t.key() + " " + t.upgradeStatus() + "/" + t.runStatus() + " "
                + t.action() + ": " + t.detail()).reduce("", (a, b) -> a + "\n" + b);
        assertThat(records).as(seen).allMatch(t -> t.upgradeStatus() == UpgradeStatus.SUCCEEDED);
        assertThat(records).as(seen).filteredOn(t -> t.software().equals(ok))
                .hasSize(fleet.size()).allMatch(t -> t.runStatus() == RunStatus.HEALTHY
                        && t.action() == TargetAction.COMMITTED);
        assertThat(records).as(seen).filteredOn(t -> t.software().equals(bad)).singleElement()
                .matches(t -> t.runStatus() == RunStatus.ABNORMAL && t.action() == TargetAction.ROLLED_BACK);
        // the table says it in words and symbols, and colours the rolled-back target apart from a failure
        waitUntil(() -> cells(live, "♥ healthy (health command)").size() == fleet.size());
        List<Node> abnormal = onFx(() -> cells(live, "⚠ abnormal (liveness only)"));
        assertThat(abnormal).hasSize(1).allMatch(n -> n.getStyleClass().contains("outcome-rolled-back"));
        assertThat(onFx(() -> cells(live, "✔ succeeded"))).hasSize(targets);
        waitUntil(() -> this.<Label>lookup("#upgradeLiveSummary").getText().startsWith(targets + " targets · upgrade: "
                + targets + " succeeded, 0 failed · run: " + fleet.size() + " healthy, 1 abnormal"));

        // History: every target, filtered to the rolled-back one, with its evidence
        onFx(() -> {
            this.<TabPane>lookup("#upgradeTabs").getSelectionModel().select(2);
            return null;
        });
        TableView<UpgradeHistoryEntry> history = lookup("#upgradeHistoryTable");
        waitUntil(() -> history.getItems().size() == targets);
        waitUntil(() -> cells(history, "↩ rolled back (abnormal)").size() == 1 && cells(history, "✔ committed").size() == fleet.size());
        onFx(() -> {
            this.<ComboBox<HistoryFilter>>lookup("#historyStatusFilter").setValue(HistoryFilter.ROLLED_BACK);
            return null;
        });
        waitUntil(() -> history.getItems().size() == 1);
        assertThat(onFx(() -> history.getItems().get(0).target().node())).isEqualTo(first.name());
        Label detail = lookup("#upgradeHistoryDetail");
        waitUntil(() -> detail.getText().contains("Run status: ⚠ abnormal (liveness only)"));
        assertThat(detail.getText()).contains("Outcome: ↩ rolled back (abnormal)", "Evidence: ", "exit code 3");
        TableView<?> steps = lookup("#upgradeHistorySteps");
        waitUntil(() -> !steps.getItems().isEmpty());
        // the diff now offers the healthy software nowhere; the rolled-back node still reports the old version
        onFx(() -> {
            this.<TabPane>lookup("#upgradeTabs").getSelectionModel().select(0);
            return null;
        });
        waitUntil(() -> plan.getText().equals("Upgrade… acts on all 1 upgrade"));

        // the Nodes view: each node's last upgrade result per software
        robot.clickOn("#nav-nodes");
        TableView<?> nodesTable = lookup("#nodesTable");
        waitUntil(() -> robot.from(nodesTable).lookup(".table-cell").queryAll().stream().anyMatch(n ->
                n instanceof Labeled l && l.getGraphic() instanceof javafx.scene.text.Text t
                        && t.getText().contains(bad + " 1.1.0 ↩ rolled back (abnormal)")
                        && t.getText().contains(ok + " 1.1.0 ✔ committed")));
    }

    private List<Node> cells(TableView<?> table, String text) {
        return robot.from(table).lookup(".table-cell").queryAll().stream()
                .filter(n -> n instanceof Labeled l && text.equals(l.getText()) && n.isVisible()).toList();
    }
}
