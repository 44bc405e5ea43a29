package io.slipway.gui.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.sbom.read.ReadFinding;
import io.slipway.core.sbom.read.SbomPackage;
import io.slipway.gui.SampleConsoleFixture;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The findings panel, clicked through in the whole console (headless Monocle): a defective SPDX document opens
 * with the badge, the panel lists its findings, filters by severity and rule, and clicking a finding selects the
 * package it concerns in the components table.
 */
class SbomReadFindingsClickThroughTest extends SampleConsoleFixture {
    private static final Path DEFECTIVE = Path.of("src/test/resources/sbom-defects/dangling-relationship.spdx.json")
            .toAbsolutePath();

    @Test
    void aDefectiveDocumentOpensWithABadgeAndClickingAFindingSelectsItsPackage() throws Exception {
        openConsole();
        robot.clickOn("#nav-sbom");
        typeInto("#sbomPath", DEFECTIVE.toString());
        robot.push(KeyCode.ENTER);
        waitUntil(() -> text("#sbomSource").startsWith("SPDX JSON"));
        assertThat(text("#sbomReadBadge")).isEqualTo("opened with 1 error, 0 warnings (1 info)");
        TableView<ComponentRow> components = lookup("#sbomTable");
        assertThat(components.getItems()).hasSize(3); // the dangling relationship did not cost a package

        robot.clickOn("Findings");
        TableView<ReadFinding> findings = lookup("#sbomReadFindings");
        waitUntil(() -> findings.getItems().size() == 2);
        ComboBox<String> severity = lookup("#sbomReadSeverityFilter");
        ComboBox<String> rule = lookup("#sbomReadRuleFilter");
        assertThat(rule.getItems()).containsExactly("All", "dangling-reference", "noassertion");

        robot.clickOn("#sbomReadSeverityFilter");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(n -> "error".equals(cellText(n))).<Node>query());
        waitUntil(() -> findings.getItems().size() == 1);
        assertThat(severity.getValue()).isEqualTo("error");
        robot.clickOn("#sbomReadRuleFilter");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(n -> "noassertion".equals(cellText(n)))
                .<Node>query());
        waitUntil(() -> findings.getItems().isEmpty());
        robot.clickOn("#sbomReadRuleFilter");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(n -> "All".equals(cellText(n))).<Node>query());
        waitUntil(() -> findings.getItems().size() == 1);

        ReadFinding dangling = findings.getItems().get(0);
        assertThat(dangling.rule()).isEqualTo("dangling-reference");
        assertThat(dangling.elementId()).isEqualTo("SPDXRef-Package-app");
        robot.clickOn(robot.lookup("#sbomReadFindings .table-row-cell").nth(0).<Node>query());
        assertThat(text("#sbomReadMeaning")).startsWith("dangling-reference: a relationship or dependency names");

        TabPane tabs = lookup("#sbomTabs");
        waitUntil(() -> tabs.getSelectionModel().getSelectedIndex() == 0);
        waitUntil(() -> components.getSelectionModel().getSelectedItem() != null);
        ComponentRow row = components.getSelectionModel().getSelectedItem();
        assertThat(((SbomPackage) row.source()).spdxId()).isEqualTo("SPDXRef-Package-app");
        assertThat(text("#sbomDetails")).contains("SPDXRef-Package-app");
    }

    private static String cellText(Node n) {
        return n instanceof javafx.scene.control.Labeled l ? l.getText() : null;
    }
}
