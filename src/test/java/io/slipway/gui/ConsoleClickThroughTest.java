package io.slipway.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.common.SlipwayVersion;
import io.slipway.core.registry.RegistrySpec;
import io.slipway.gui.inventory.NodeRow;
import io.slipway.gui.sbom.ComponentRow;
import io.slipway.testsupport.SharedDir;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole console, headless, on a real sample workspace: every view reached by click or shortcut shows the
 * sample's rows (the Registry view, with nothing to browse offline, its registry choices and warning); window
 * placement and the last view survive a close and reopen.
 */
class ConsoleClickThroughTest extends SampleConsoleFixture {
    @Test
    void everyViewShowsTheSampleAndPlacementSurvivesARestart() throws Exception {
        openConsole();

        // Nodes is the first view of a new workspace
        TableView<NodeRow> nodes = lookup("#nodesTable");
        waitUntil(() -> nodes.getItems().size() == 4);
        assertThat(nodes.getItems()).extracting(NodeRow::name).contains("build-node-01", "hil-bench-01");
        assertThat(robot.lookup(".table-cell").<Node>queryAll()).anyMatch(c -> hasText(c, "build-node-01"));
        assertThat(onFx(stage::getTitle)).isEqualTo("Slipway — " + core.workspace().directory());

        // Ctrl+R reloads the current view from the workspace
        core.nodes().add("build-node-04", "tcp://127.0.0.1:23780", List.of("lab-b"), "", Map.of());
        robot.push(KeyCode.CONTROL, KeyCode.R);
        waitUntil(() -> nodes.getItems().size() == 5);

        // Deploys by click: master rows, detail rows, chart
        robot.clickOn("#nav-deploys");
        TableView<?> deploys = lookup("#deploysTable");
        TableView<?> deployNodes = lookup("#deployNodesTable");
        waitUntil(() -> deploys.getItems().size() == 2 && deployNodes.getItems().size() == 2);
        BarChart<?, ?> chart = lookup("#durationChart");
        assertThat(onFx(() -> chart.getData().get(0).getData().size())).isEqualTo(2);
        assertThat(this.<Label>lookup("#deploySummary").getText()).isEqualTo("2 nodes: 1 done, 1 skipped, 0 failed");

        // Registry by shortcut (Ctrl+7, after Deploys in the rail): the stored registries, the plain-HTTP warning
        core.registries().add(new RegistrySpec("lab-plain", "http://127.0.0.1:5000", null, null, true, false), null,
                null);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT7);
        ComboBox<String> registries = lookup("#registryChoice");
        waitUntil(() -> registries.getItems().equals(List.of("lab-plain")));
        Label warning = lookup("#registryWarning");
        waitUntil(warning::isVisible);
        assertThat(warning.getText()).contains("registry 'lab-plain' uses plain HTTP");
        assertThat(this.<PasswordField>lookup("#registryPassphrase").isDisabled()).isTrue(); // nothing sealed

        // Upgrades by shortcut: highlighted targets
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
        TableView<?> upgrades = lookup("#upgradeTable");
        waitUntil(() -> upgrades.getItems().size() == 5 && upgrades.getColumns().size() == 5);
        waitUntil(() -> !robot.lookup(".upgrade-target").queryAll().isEmpty());
        // the sample's 6 targets; the node added above has nothing installed, so nothing of it is a target
        assertThat(this.<Label>lookup("#upgradeSummary").getText()).isEqualTo("6 upgrade targets on 3 nodes (of 5)");

        // SBOM by click: eleven components, grouped by tier in release order
        robot.clickOn("#nav-sbom");
        TableView<ComponentRow> sbom = lookup("#sbomTable");
        waitUntil(() -> sbom.getItems().size() == 11);
        assertThat(onFx(() -> sbom.getItems().stream().map(ComponentRow::tier).distinct().toList()))
                .containsExactly("open-source", "third-party", "derivative", "owned");

        // open the sample release's SBOM index (generated here): its components with gate status, and its plan
        Path index = core.sbomRelease().generate(Path.of("sample/release-set"), dir.resolve("sample-sbom")).index();
        TextField path = lookup("#sbomPath");
        robot.clickOn(path).write(index.toString()).push(KeyCode.ENTER);
        waitUntil(() -> this.<Label>lookup("#sbomSource").getText().startsWith("SBOM index"));
        waitUntil(() -> sbom.getItems().size() == 11 && !sbom.getItems().get(0).status().isEmpty());
        robot.clickOn("Release plan");
        TableView<?> plan = lookup("#sbomPlan");
        waitUntil(() -> !plan.getItems().isEmpty());
        assertThat(this.<Label>lookup("#sbomGate").getText()).startsWith("Gate ");

        // the diff of the corpus' two kube-proxy releases
        robot.clickOn("Diff");
        robot.clickOn("#sbomDiffBeforePath")
                .write(SharedDir.spdxCorpusFile("syft-spdx-k8s.gcr.io-kube-proxy.v1.24.6.json").toString());
        robot.clickOn("#sbomDiffAfterPath")
                .write(SharedDir.spdxCorpusFile("syft-spdx-k8s.gcr.io-kube-proxy.v1.25.1.json").toString())
                .push(KeyCode.ENTER);
        TableView<?> diff = lookup("#sbomDiff");
        waitUntil(() -> !diff.getItems().isEmpty());
        assertThat(this.<Label>lookup("#sbomDiffSummary").getText()).contains("version changed");

        // Audit by shortcut, then verify the chain in the background
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5);
        TableView<?> audit = lookup("#auditTable");
        waitUntil(() -> audit.getItems().size() >= 2);
        robot.clickOn("#verifyButton");
        Label verdict = lookup("#verifyResult");
        waitUntil(() -> verdict.getText().startsWith("intact: "));
        assertThat(verdict.getText()).isEqualTo("intact: " + core.audit().count() + " events");

        // Settings by click
        robot.clickOn("#nav-settings");
        Label workspace = lookup("#workspacePath");
        assertThat(workspace.getText()).isEqualTo(core.workspace().directory().toString());
        waitUntil(() -> robot.lookup("#settingsTable").queryTableView().getPlaceholder() != null);

        // F1 shows the About box with version and workspace
        robot.push(KeyCode.F1);
        waitUntil(() -> robot.lookup("#aboutDialog").tryQuery().isPresent());
        DialogPane about = lookup("#aboutDialog");
        assertThat(about.getHeaderText()).isEqualTo("Slipway " + SlipwayVersion.get());
        assertThat(about.getContentText()).contains(core.workspace().directory().toString());
        onFx(() -> {
            about.getScene().getWindow().hide();
            return null;
        });

        // leave on Upgrades at a chosen place, quit with Ctrl+Q
        robot.clickOn("#nav-upgrades");
        onFx(() -> {
            stage.setX(60);
            stage.setY(40);
            stage.setWidth(1010);
            stage.setHeight(690);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#upgradeTable");
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        waitUntil(() -> !stage.isShowing());
        closeConsole();

        openConsole();
        assertThat(onFx(() -> List.of(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())))
                .containsExactly(60.0, 40.0, 1010.0, 690.0);
        ToggleButton upgradesNav = lookup("#nav-upgrades");
        assertThat(upgradesNav.isSelected()).isTrue();
        TableView<?> reopened = lookup("#upgradeTable");
        waitUntil(() -> reopened.getItems().size() == 5);
        assertThat(core.settings().get("ui.lastView")).contains("upgrades");
    }

    private static boolean hasText(Node cell, String text) {
        return cell instanceof javafx.scene.control.Labeled l && text.equals(l.getText());
    }
}
