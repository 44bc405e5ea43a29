package io.slipway.gui.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.SlipwayCore;
import io.slipway.core.audit.AuditEvent;
import io.slipway.core.sbom.ComponentType;
import io.slipway.core.sbom.diff.SbomDiff;
import io.slipway.core.sbom.read.SbomDocument;
import io.slipway.core.sbom.read.SbomReader;
import io.slipway.core.sbom.release.GateResult;
import io.slipway.core.sbom.release.LoadedRelease;
import io.slipway.core.sbom.release.ReleasePlan;
import io.slipway.core.sbom.release.ReleaseComponent;
import io.slipway.core.sbom.release.ReleasePolicy;
import io.slipway.core.sbom.release.TagKey;
import io.slipway.core.sbom.release.WorkspaceTags;
import io.slipway.gui.SampleWorkspace;
import io.slipway.gui.tasks.SynchronousTaskExecutor;
import io.slipway.testsupport.SharedDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SBOM browser's view-model without the FX toolkit: workspace, opened documents, index, release set, diff. */
class SbomViewModelTest {
    static final Path SAMPLE = Path.of("sample/release-set");

    @TempDir
    Path dir;
    private SlipwayCore core;
    private SbomViewModel vm;

    @BeforeEach
    void load() {
        core = SampleWorkspace.open(dir);
        vm = new SbomViewModel(core.components(), core.sbomRelease(), core.settings(), new SynchronousTaskExecutor(),
                Runnable::run);
        vm.activate();
    }

    @AfterEach
    void close() {
        core.close();
    }

    private List<String> names() {
        return vm.rows().stream().map(ComponentRow::name).toList();
    }

    @Test
    void groupsTheElevenWorkspaceComponentsByTierInReleaseOrder() {
        assertThat(vm.rows()).hasSize(11);
        assertThat(vm.rows().stream().map(ComponentRow::tier).distinct().toList())
                .containsExactly("open-source", "third-party", "derivative", "owned");
        assertThat(vm.rows().stream().filter(r -> r.type() == ComponentType.DERIVATIVE).map(ComponentRow::name))
                .containsExactly("can-utils-adas", "ffmpeg-adas");
        assertThat(vm.summaryProperty().get()).isEqualTo("11 components");
        assertThat(vm.tierSlices()).extracting(ChartSlice::count).containsExactly(4L, 2L, 2L, 3L);
        assertThat(vm.licenceSlices()).contains(new ChartSlice("LicenseRef-Slipway-Proprietary (3)", 3));
        assertThat(vm.tierOptions()).containsExactly("All", "derivative", "open-source", "owned", "third-party");
    }

    @Test
    void quickFilterAndColumnFiltersNarrowTheRowsAndTheCharts() {
        vm.filterTextProperty().set("GPL");
        assertThat(names()).containsExactlyInAnyOrder("can-utils", "ffmpeg", "can-utils-adas", "ffmpeg-adas");
        assertThat(vm.summaryProperty().get()).isEqualTo("4 of 11 components");
        assertThat(vm.tierSlices()).extracting(ChartSlice::label).containsExactly("open-source (2)", "derivative (2)");

        vm.tierFilterProperty().set("derivative");
        assertThat(names()).containsExactly("can-utils-adas", "ffmpeg-adas");

        vm.filterTextProperty().set("");
        vm.tierFilterProperty().set(SbomViewModel.ALL);
        vm.licenceFilterProperty().set("LicenseRef-Slipway-Proprietary");
        assertThat(vm.rows()).hasSize(3).allMatch(r -> r.type() == ComponentType.OWNED);

        vm.filterTextProperty().set("no such thing");
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.emptyTextProperty().get()).isEqualTo("No component matches the filters.");
    }

    @Test
    void multiLineCopyrightsBecomeOneTableLine() {
        ComponentRow adas = vm.rows().stream().filter(r -> r.name().equals("can-utils-adas")).findFirst().orElseThrow();
        assertThat(adas.copyright()).isEqualTo(
                "Copyright (c) 2002-2023 Volkswagen Group Electronic Research; Copyright (c) 2026 Slipway Automotive");
    }

    @Test
    void everyCorpusFileOpensWithAllItsPackagesAndShowsDetails() {
        for (Path file : SharedDir.spdxCorpus()) {
            SbomDocument doc = SbomReader.read(file);
            vm.open(file);
            assertThat(vm.messageProperty().get()).as(file.toString()).isEmpty();
            assertThat(vm.allRows()).as(file.toString()).hasSize(doc.packages().size());
            assertThat(vm.sourceProperty().get()).contains(file.toString());
        }
        ComponentRow first = vm.rows().get(0);
        vm.selectedProperty().set(first);
        assertThat(vm.detailsProperty().get()).contains("SPDX id: ").contains("Relationships (")
                .contains("Files (");
    }

    @Test
    void aBadFileIsAClearMessageNamingItAndKeepsWhatIsShown() throws Exception {
        Path bad = Files.writeString(dir.resolve("truncated.spdx.json"), "{\"spdxVersion\": \"SPDX-2.3\", \"pack");
        vm.open(bad);
        assertThat(vm.messageProperty().get()).contains("truncated.spdx.json");
        assertThat(vm.rows()).hasSize(11);
        assertThat(vm.sourceProperty().get()).isEqualTo("Workspace components");
    }

    @Test
    void diffOfTheTwoKubeProxyReleases() {
        Path before = SharedDir.spdxCorpusFile("syft-spdx-k8s.gcr.io-kube-proxy.v1.24.6.json");
        Path after = SharedDir.spdxCorpusFile("syft-spdx-k8s.gcr.io-kube-proxy.v1.25.1.json");
        SbomDiff expected = SbomDiff.between(SbomReader.read(before), SbomReader.read(after));

        vm.diff(before, after);

        assertThat(count("added")).isEqualTo(expected.added().size());
        assertThat(count("removed")).isEqualTo(expected.removed().size());
        assertThat(count("version changed")).isEqualTo(expected.versionChanged().size()).isPositive();
        assertThat(count("licence changed")).isEqualTo(expected.licenceChanged().size());
        assertThat(vm.diffSummaryProperty().get()).startsWith("syft-spdx-k8s.gcr.io-kube-proxy.v1.24.6.json → ")
                .contains(expected.versionChanged().size() + " version changed");
    }

    private long count(String change) {
        return vm.diffRows().stream().filter(r -> r.change().equals(change)).count();
    }

    @Test
    void theSampleIndexShowsPlanGateAndStatusAndPublishes() throws Exception {
        Path index = core.sbomRelease().generate(SAMPLE, dir.resolve("sbom")).index();
        LoadedRelease release = core.sbomRelease().load(index, Optional.empty());
        ReleasePlan plan = core.sbomRelease().plan(release);
        GateResult gate = core.sbomRelease().gate(release, ReleasePolicy.defaultPolicy());

        vm.open(index);

        assertThat(vm.sourceProperty().get()).startsWith("SBOM index");
        assertThat(vm.allRows()).hasSize(release.components().size());
        assertThat(vm.planEntries()).hasSize(plan.entries().size());
        assertThat(vm.findings()).hasSize(gate.findings().size());
        assertThat(vm.releaseOpenProperty().get()).isTrue();
        assertThat(vm.allRows()).allMatch(r -> !r.status().isEmpty());
        PublishForm publishing = vm.publishing();
        assertThat(publishing.gateFailsProperty().get()).isEqualTo(gate.hasFail());
        assertThat(publishing.needsConfirmationProperty().get()).isEqualTo(!gate.needingConfirmation().isEmpty());
        assertThat(publishing.disabledProperty().get()).as("no output folder yet").isTrue();
        Path out = dir.resolve("published");
        publishing.outputFolderProperty().set(out.toString());
        assertThat(publishing.disabledProperty().get()).isEqualTo(gate.hasFail());
        if (!gate.needingConfirmation().isEmpty()) {
            publishing.confirmOwnedSourceProperty().set(true);
        }
        publishing.publish();
        assertThat(publishing.messageProperty().get()).startsWith("Published ").endsWith(" to " + out);
        assertThat(publishing.progressProperty().get()).isEqualTo(1.0);
        assertThat(out.resolve("SHA256SUMS")).exists();
    }

    @Test
    void aReleaseSetFolderOpensThroughGenerationAndTheGeneratedSbomGoesWhenSomethingElseIsShown() {
        vm.open(SAMPLE);
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.sourceProperty().get()).startsWith("Release set");
        assertThat(vm.planEntries()).isNotEmpty();
        Path generated = vm.allRows().stream().map(r -> ((ReleaseComponent) r.source()).document()).findFirst()
                .orElseThrow();
        assertThat(generated).exists();

        vm.showWorkspace();
        assertThat(generated).doesNotExist();
        assertThat(vm.rows()).hasSize(11);
    }

    @Test
    void anInlineTagEditWritesTheWorkspaceAndTheAuditTrailAndWins() {
        Path index = core.sbomRelease().generate(SAMPLE, dir.resolve("sbom")).index();
        vm.open(index);
        ComponentRow row = vm.allRows().stream().filter(r -> r.type() == ComponentType.OPEN_SOURCE).findFirst()
                .orElseThrow();

        vm.setTag(row, TagKey.MODE, "3");
        vm.setTag(row, TagKey.TYPE, "third-party");

        assertThat(core.componentTags().get(row.id(), TagKey.TYPE)).contains("third-party");
        assertThat(core.componentTags().get(row.id(), TagKey.MODE)).contains("3");
        List<AuditEvent> events = core.audit().latest(5);
        assertThat(events).filteredOn(e -> e.action().equals(WorkspaceTags.AUDIT_ACTION))
                .extracting(AuditEvent::subject).contains(row.id());
        ComponentRow now = vm.allRows().stream().filter(r -> r.id().equals(row.id())).findFirst().orElseThrow();
        assertThat(now.type()).isEqualTo(ComponentType.THIRD_PARTY);
        assertThat(now.mode()).isEqualTo("3");

        vm.setTag(row, TagKey.MODE, "7");
        assertThat(vm.messageProperty().get()).contains(row.id());
    }

    @Test
    void anOwnedSourceWarnNeedsTheConfirmationAndAFailDisablesPublishing() {
        Path index = core.sbomRelease().generate(SAMPLE, dir.resolve("sbom")).index();
        vm.open(index);
        ComponentRow owned = vm.allRows().stream().filter(r -> r.type() == ComponentType.OWNED).findFirst()
                .orElseThrow();
        vm.setTag(owned, TagKey.MODE, "1");

        PublishForm publishing = vm.publishing();
        publishing.outputFolderProperty().set(dir.resolve("out").toString());
        assertThat(publishing.needsConfirmationProperty().get()).isTrue();
        assertThat(vm.findings()).anyMatch(f -> f.componentId().equals(owned.id())
                && f.rule().equals(ReleasePolicy.OWNED_SOURCE));
        assertThat(vm.allRows()).filteredOn(r -> r.id().equals(owned.id())).extracting(ComponentRow::status)
                .containsExactly("WARN");
        assertThat(publishing.disabledProperty().get()).as("Publish asks for the confirmation").isFalse();
        assertThat(publishing.needsConfirmationFirst()).isTrue();
        assertThat(publishing.confirmationQuestion()).contains(owned.name());
        publishing.publish();
        assertThat(publishing.messageProperty().get()).startsWith("Not published: ").contains(owned.id());
        assertThat(dir.resolve("out")).doesNotExist();
        publishing.confirmOwnedSourceProperty().set(true);
        assertThat(publishing.needsConfirmationFirst()).isFalse();

        ComponentRow derivative = vm.allRows().stream().filter(r -> r.type() == ComponentType.DERIVATIVE)
                .filter(r -> r.declaredLicence().contains("GPL")).findFirst().orElseThrow();
        vm.setTag(derivative, TagKey.MODE, "3");
        assertThat(publishing.gateFailsProperty().get()).isTrue();
        assertThat(publishing.confirmOwnedSourceProperty().get()).as("a new gate forgets the confirmation").isFalse();
        publishing.confirmOwnedSourceProperty().set(true);
        assertThat(publishing.disabledProperty().get()).isTrue();
        vm.statusFilterProperty().set("FAIL");
        assertThat(vm.rows()).extracting(ComponentRow::id).containsExactly(derivative.id());
    }
}
