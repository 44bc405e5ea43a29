package io.slipway.gui.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.audit.AuditEvent;
import io.slipway.core.sbom.release.PublishedTree;
import io.slipway.core.sbom.release.ReleaseComponent;
import io.slipway.core.sbom.release.ReleaseService;
import io.slipway.core.sbom.release.TagKey;
import io.slipway.gui.SampleConsoleFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The SBOM view's publishing, clicked through in the whole console (headless Monocle) on the sample workspace:
 * open the sample release set, load policy files by typing their paths, type the output folder, click Publish,
 * then walk the published tree on disk.
 */
class SbomPublishClickThroughTest extends SampleConsoleFixture {
    private static final Path SAMPLE = Path.of("sample/release-set").toAbsolutePath();

    @Test
    void publishesTheSampleReleaseSetUnderATypedPolicyAndABadPolicyChangesNothing() throws Exception {
        openTheSampleReleaseSetsPlan();
        TableView<ComponentRow> components = lookup("#sbomTable");
        TableView<?> findings = lookup("#sbomFindings");
        assertThat(onFx(() -> statuses(components))).containsOnly("PASS");

        Path warning = PolicyFiles.warning(dir);
        typeInto("#sbomPolicyPath", warning.toString());
        robot.push(KeyCode.ENTER);
        waitUntil(() -> text("#sbomPolicyInEffect").equals("Policy in effect: " + warning));
        waitUntil(() -> findings.getItems().size() == PolicyFiles.LICENCE_REF_COMPONENTS);
        List<String> underWarning = onFx(() -> statuses(components));
        assertThat(underWarning).filteredOn("WARN"::equals).hasSize(PolicyFiles.LICENCE_REF_COMPONENTS);

        Path bad = PolicyFiles.unknownField(dir);
        typeInto("#sbomPolicyPath", bad.toString());
        robot.clickOn("#sbomPolicyLoad");
        waitUntil(() -> text("#sbomPolicyMessage").contains("unknown field 'reviewer'"));
        assertThat(text("#sbomPolicyMessage")).startsWith(bad + ": ");
        assertThat(text("#sbomPolicyInEffect")).isEqualTo("Policy in effect: " + warning);
        assertThat(onFx(() -> statuses(components))).isEqualTo(underWarning);
        assertThat(findings.getItems()).hasSize(PolicyFiles.LICENCE_REF_COMPONENTS);

        Map<String, Path> documents = onFx(() -> documents(components));
        Path out = dir.resolve("releases/adas-stack-2.4.0");
        publish(out);

        PublishedTree.assertExactlyWhatTheModesAllow(out, SAMPLE, documents::get, Map.of());
        assertThat(text("#sbomPublishMessage")).matches("Published \\d+ files, [\\d,]+ bytes, to "
                + java.util.regex.Pattern.quote(out.toString()));
        AuditEvent event = core.audit().latest(1).get(0);
        assertThat(event.action()).isEqualTo(ReleaseService.AUDIT_PUBLISHED);
        assertThat(event.subject()).isEqualTo(out.toString());
        assertThat(event.detailsJson()).contains("\"policy\":\"" + warning + "\"", "\"gate\":\"WARN\"");
        assertThat(core.settings().get(PolicyChoice.SETTING)).contains(warning.toString());
        assertThat(this.<Button>lookup("#sbomPublish").isDisabled()).as("the folder is taken now").isTrue();
        assertThat(text("#sbomOutputProblem")).isEqualTo("Type another folder to publish again.");
    }

    @Test
    void anOwnedComponentInModeOneIsPublishedOnlyOnceTheDialogIsConfirmed() throws Exception {
        workspace().componentTags().set("perception-core", TagKey.MODE, "1");
        openTheSampleReleaseSetsPlan();
        TableView<ComponentRow> components = lookup("#sbomTable");
        Map<String, Path> documents = onFx(() -> documents(components));
        Path out = dir.resolve("releases/with-owned-source");
        typeInto("#sbomOutputFolder", out.toString());

        robot.clickOn("#sbomPublish");
        waitUntil(() -> robot.lookup("#publishConfirmDialog").tryQuery().isPresent());
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(out).doesNotExist();

        publish(out);

        PublishedTree.assertExactlyWhatTheModesAllow(out, SAMPLE, documents::get, Map.of("perception-core", 1));
        assertThat(core.audit().latest(1).get(0).detailsJson()).contains("\"confirmedOwnedSource\":true");
    }

    /** The console on the sample workspace, SBOM view (Ctrl+4), the sample release set opened, its plan shown. */
    private void openTheSampleReleaseSetsPlan() throws Exception {
        openConsole();
        robot.clickOn("#nav-sbom");
        typeInto("#sbomPath", SAMPLE.toString());
        robot.push(KeyCode.ENTER);
        waitUntil(() -> text("#sbomSource").startsWith("Release set"));
        robot.clickOn("Release plan");
        TableView<?> plan = lookup("#sbomPlan");
        waitUntil(() -> !plan.getItems().isEmpty());
    }

    /** Types the folder (if not yet typed), clicks Publish, confirms the owned-source dialog if it comes, waits. */
    private void publish(Path out) throws Exception {
        if (!text("#sbomOutputFolder").equals(out.toString())) {
            typeInto("#sbomOutputFolder", out.toString());
        }
        waitUntil(() -> !this.<Button>lookup("#sbomPublish").isDisabled());
        robot.clickOn("#sbomPublish");
        WaitForAsyncUtils.waitForFxEvents();
        if (robot.lookup("#publishConfirmDialog").tryQuery().isPresent()) {
            robot.clickOn("OK");
        }
        waitUntil(() -> !text("#sbomPublishMessage").startsWith("Publishing")
                || text("#sbomPublishMessage").startsWith("Publishing failed"));
        assertThat(text("#sbomPublishMessage")).startsWith("Published ");
    }

    private static List<String> statuses(TableView<ComponentRow> table) {
        return table.getItems().stream().map(ComponentRow::status).toList();
    }

    /** The generated SPDX document of each component on show, by component id. */
    private static Map<String, Path> documents(TableView<ComponentRow> table) {
        Map<String, Path> out = new TreeMap<>();
        table.getItems().forEach(r -> out.put(r.id(), ((ReleaseComponent) r.source()).document()));
        return out;
    }

}
