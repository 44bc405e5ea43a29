package io.slipway.gui.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.SlipwayCore;
import io.slipway.core.audit.AuditEvent;
import io.slipway.core.sbom.release.PublishResult;
import io.slipway.core.sbom.release.ReleaseComponent;
import io.slipway.core.sbom.release.ReleaseService;
import io.slipway.gui.SampleWorkspace;
import io.slipway.gui.tasks.SynchronousTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SBOM view's policy file and output folder, without the FX toolkit, on the sample release set. */
class ReleasePublishViewModelTest {
    @TempDir
    Path dir;
    private SlipwayCore core;
    private SbomViewModel vm;
    private PublishForm publishing;
    private PolicyChoice policy;

    @BeforeEach
    void openTheSampleIndex() {
        core = SampleWorkspace.open(dir.resolve("ws"));
        vm = newViewModel();
        vm.activate();
        vm.open(core.sbomRelease().generate(SbomViewModelTest.SAMPLE, dir.resolve("sbom")).index());
        publishing = vm.publishing();
        policy = vm.policy();
    }

    private SbomViewModel newViewModel() {
        return new SbomViewModel(core.components(), core.sbomRelease(), core.settings(),
                new SynchronousTaskExecutor(), Runnable::run);
    }

    @AfterEach
    void close() {
        core.close();
    }

    private String problemWith(Path out) {
        publishing.outputFolderProperty().set(out.toString());
        return publishing.outputProblemProperty().get();
    }

    @Test
    void theOutputFolderIsCheckedAsItIsTypedWithThePublishersRules() throws Exception {
        assertThat(publishing.outputProblemProperty().get()).isEqualTo("Type or choose the folder to publish into.");
        assertThat(publishing.outputHintProperty().get()).isTrue();
        assertThat(publishing.disabledProperty().get()).isTrue();

        publishing.outputFolderProperty().set("releases/out");
        assertThat(publishing.outputProblemProperty().get())
                .isEqualTo("'releases/out' is not a full path; type the output folder's absolute path.");

        Path full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("keep.txt"), "mine");
        assertThat(problemWith(full)).isEqualTo(full + ": exists and is not empty; publish into a new or empty folder");
        assertThat(publishing.outputHintProperty().get()).isFalse();
        assertThat(problemWith(full.resolve("keep.txt").resolve("out"))).isEqualTo(full.resolve("keep.txt/out") + ": "
                + full.resolve("keep.txt") + " is a file, not a folder; choose a folder's path");
        Path inSet = SbomViewModelTest.SAMPLE.toAbsolutePath().resolve("published");
        assertThat(problemWith(inSet)).startsWith(inSet + ": is inside the release set ");
        assertThat(publishing.disabledProperty().get()).isTrue();

        Path out = dir.resolve("releases/adas-2.4.0");
        assertThat(problemWith(out)).isEmpty();
        assertThat(publishing.disabledProperty().get()).isFalse();
    }

    @Test
    void publishingShowsTheResultIsAuditedAndTheFolderIsThenTaken() {
        Path out = dir.resolve("releases/adas-2.4.0");
        publishing.outputFolderProperty().set(out.toString());

        publishing.publish();

        PublishResult result = publishing.resultProperty().get();
        assertThat(result.out()).isEqualTo(out);
        assertThat(result.files()).isPositive();
        assertThat(publishing.messageProperty().get()).isEqualTo(String.format(java.util.Locale.ROOT,
                "Published %d files, %,d bytes, to %s", result.files(), result.bytes(), out));
        AuditEvent event = core.audit().latest(1).get(0);
        assertThat(event.action()).isEqualTo(ReleaseService.AUDIT_PUBLISHED);
        assertThat(event.subject()).isEqualTo(out.toString());
        assertThat(event.detailsJson()).contains("\"files\":" + result.files(), "\"policy\":\"the built-in");
        assertThat(publishing.outputProblemProperty().get())
                .isEqualTo("Type another folder to publish again.");
        assertThat(publishing.outputHintProperty().get()).isTrue();
        assertThat(publishing.disabledProperty().get()).isTrue();
        assertThat(problemWith(out.getParent())).isEqualTo(out.getParent() + ": exists and is not empty; publish into "
                + "a new or empty folder");
    }

    @Test
    void aReleaseSetsTemporarySbomFolderIsNoPlaceToPublishAndTheWorkspaceHasNothingToPublish() {
        vm.open(SbomViewModelTest.SAMPLE);
        Path generated = ((ReleaseComponent) vm.allRows().get(0).source()).document().getParent().getParent();
        assertThat(problemWith(generated.resolve("out"))).startsWith(generated.resolve("out")
                + ": is inside the temporary SBOM folder " + generated);

        vm.showWorkspace();
        assertThat(problemWith(dir.resolve("out"))).isEmpty();
        assertThat(publishing.disabledProperty().get()).as("no release open").isTrue();
    }

    @Test
    void anotherPolicyRunsTheGateAgainAndABadOneChangesNothing() throws Exception {
        publishing.outputFolderProperty().set(dir.resolve("out").toString());
        assertThat(statuses()).containsOnly("PASS");
        assertThat(publishing.disabledProperty().get()).isFalse();

        Path failing = PolicyFiles.failing(dir);
        policy.pathProperty().set(failing.toString());
        policy.load();
        assertThat(policy.inEffectProperty().get()).isEqualTo("Policy in effect: " + failing);
        assertThat(vm.findings()).hasSize(PolicyFiles.LICENCE_REF_COMPONENTS)
                .allMatch(f -> f.rule().equals("unclassified-licence"));
        assertThat(statuses()).filteredOn("FAIL"::equals).hasSize(PolicyFiles.LICENCE_REF_COMPONENTS);
        assertThat(vm.gateSummaryProperty().get()).startsWith("Gate FAIL: 5 FAIL, 0 WARN");
        assertThat(publishing.disabledProperty().get()).isTrue();

        Path bad = PolicyFiles.unknownField(dir);
        policy.pathProperty().set(bad.toString());
        policy.load();
        assertThat(policy.messageProperty().get()).startsWith(bad + ": ").contains("unknown field 'reviewer'")
                .endsWith("the policy in effect stays " + failing);
        assertThat(policy.inEffectProperty().get()).isEqualTo("Policy in effect: " + failing);
        assertThat(statuses()).filteredOn("FAIL"::equals).hasSize(PolicyFiles.LICENCE_REF_COMPONENTS);

        Path warning = PolicyFiles.warning(dir);
        policy.pathProperty().set(warning.toString());
        policy.load();
        assertThat(policy.messageProperty().get()).isEmpty();
        assertThat(statuses()).filteredOn("WARN"::equals).hasSize(PolicyFiles.LICENCE_REF_COMPONENTS);
        assertThat(publishing.disabledProperty().get()).as("a WARN without confirmation does not block").isFalse();

        policy.pathProperty().set("");
        policy.load();
        assertThat(policy.inEffectProperty().get()).isEqualTo("Policy in effect: the built-in release policy");
        assertThat(statuses()).containsOnly("PASS");
    }

    @Test
    void theLastPolicyLoadedIsUsedAgainAfterARestartAndAVanishedOneIsSaidSo() throws Exception {
        Path failing = PolicyFiles.failing(dir);
        policy.pathProperty().set(failing.toString());
        policy.load();

        SbomViewModel restarted = newViewModel();
        assertThat(restarted.policy().pathProperty().get()).isEqualTo(failing.toString());
        assertThat(restarted.policy().policy().source()).isEqualTo(failing.toString());
        restarted.open(core.sbomRelease().generate(SbomViewModelTest.SAMPLE, dir.resolve("sbom2")).index());
        assertThat(restarted.publishing().gateFailsProperty().get()).isTrue();

        Files.delete(failing);
        SbomViewModel again = newViewModel();
        assertThat(again.policy().messageProperty().get()).isEqualTo(failing + ": no such policy file — the policy "
                + "in effect stays the built-in release policy");
    }

    private List<String> statuses() {
        return vm.allRows().stream().map(ComponentRow::status).toList();
    }
}
