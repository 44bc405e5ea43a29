package io.slipway.gui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.SlipwayCore;
import io.slipway.core.audit.AuditEvent;
import io.slipway.gui.SampleWorkspace;
import io.slipway.gui.tasks.SynchronousTaskExecutor;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditViewModelTest {
    @TempDir
    Path dir;
    private SlipwayCore core;
    private AuditViewModel vm;

    @BeforeEach
    void load() {
        core = SampleWorkspace.open(dir);
        vm = new AuditViewModel(core.audit(), new SynchronousTaskExecutor());
        vm.activate();
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void listsEventsNewestFirst() {
        assertThat(vm.events()).extracting(AuditEvent::action)
                .containsExactly("workspace.sample-imported", "workspace.created");
        assertThat(vm.summaryProperty().get()).isEqualTo("2 events");
    }

    @Test
    void verifyingAnIntactChainSaysSo() {
        core.audit().record("test.event", "subject", "{}");

        vm.verifyChain();

        assertThat(vm.verifyResultProperty().get()).isEqualTo("intact: 3 events");
        assertThat(vm.verdictProperty().get()).isEqualTo(AuditViewModel.Verdict.INTACT);
        assertThat(vm.verifyingProperty().get()).isFalse();
    }

    @Test
    void verifyingATamperedChainNamesTheBrokenEvent() {
        var jdbc = core.workspace().jdbc();
        jdbc.update("DROP TRIGGER audit_event_append_only");
        jdbc.update("UPDATE audit_event SET subject = 'forged' WHERE seq = 2");

        vm.verifyChain();

        assertThat(vm.verifyResultProperty().get()).startsWith("BROKEN at event 2: its content does not match its hash");
        assertThat(vm.verdictProperty().get()).isEqualTo(AuditViewModel.Verdict.BROKEN);
    }

    @Test
    void filtersByActionGroupSubjectWhoAndText() {
        core.audit().withReason("rack swap", () -> core.audit().record("node.edited", "build-node-01",
                java.util.Map.of("notes", "moved to lab B")));
        core.audit().record("deploy.started", "perception-core@2.4.0", java.util.Map.of("nodes", 2));

        vm.actionProperty().set("inventory");
        vm.applyFilter();
        assertThat(vm.events()).extracting(AuditEvent::action).containsExactly("node.edited");
        assertThat(vm.summaryProperty().get()).isEqualTo("1 matching (4 events in all)");

        vm.clearFilter();
        vm.searchProperty().set("LAB b");
        vm.applyFilter();
        assertThat(vm.events()).extracting(AuditEvent::subject).containsExactly("build-node-01");
        vm.searchProperty().set("rack swap");
        vm.applyFilter();
        assertThat(vm.events()).hasSize(1);

        vm.clearFilter();
        vm.subjectProperty().set("perception");
        vm.whoProperty().set(System.getProperty("user.name"));
        vm.applyFilter();
        assertThat(vm.events()).extracting(AuditEvent::action).containsExactly("deploy.started");
        vm.whoProperty().set("somebody-else");
        vm.applyFilter();
        assertThat(vm.events()).isEmpty();
    }

    @Test
    void aBadTimeIsNamedAndTheShownEventsStay() {
        vm.sinceProperty().set("last tuesday");
        vm.applyFilter();
        assertThat(vm.filterErrorProperty().get()).contains("From 'last tuesday' is not a time");
        assertThat(vm.events()).hasSize(2);
        vm.sinceProperty().set("2999-01-01");
        vm.applyFilter();
        assertThat(vm.filterErrorProperty().get()).isEmpty();
        assertThat(vm.events()).isEmpty();
    }

    @Test
    void pagesInsteadOfLoadingTheWholeTrail() {
        for (int i = 0; i < AuditViewModel.PAGE + 50; i++) {
            core.audit().record("node.refreshed", "n" + i, "{}");
        }
        vm.refresh();
        assertThat(vm.events()).hasSize(AuditViewModel.PAGE);
        assertThat(vm.hasMoreProperty().get()).isTrue();
        vm.loadMore();
        assertThat(vm.events()).hasSize(AuditViewModel.PAGE + 52);
        assertThat(vm.events().get(vm.events().size() - 1).seq()).isEqualTo(1);
        assertThat(vm.hasMoreProperty().get()).isFalse();
    }

    @Test
    void theDetailPaneLaysOutFieldsHashesAndTheLink() {
        core.audit().withReason("customer hotfix", () -> core.audit().record("deploy.started",
                "perception-core@2.4.1", java.util.Map.of("nodes", java.util.List.of("n1", "n2"), "forced", false)));
        vm.refresh();
        AuditEvent e = vm.events().get(0);
        vm.selectedProperty().set(e);
        AuditEventDetail d = vm.detailProperty().get();
        assertThat(d.fields()).extracting(AuditEventDetail.Field::name, AuditEventDetail.Field::value)
                .contains(org.assertj.core.groups.Tuple.tuple("Reason", "customer hotfix"),
                        org.assertj.core.groups.Tuple.tuple("nodes", "n1, n2"),
                        org.assertj.core.groups.Tuple.tuple("forced", "false"),
                        org.assertj.core.groups.Tuple.tuple("Action", "deploy.started"));
        assertThat(d.hash()).isEqualTo(e.hash());
        assertThat(d.prevHash()).isEqualTo(e.prevHash());
        assertThat(d.link()).contains(AuditLink.DEPLOYS);
        AuditLink[] opened = new AuditLink[1];
        vm.setNavigator(l -> opened[0] = l);
        vm.openLink();
        assertThat(opened[0]).isEqualTo(AuditLink.DEPLOYS);
    }

    @Test
    void aBrokenChainSelectsTheFirstBrokenEventEvenOutsideTheFilter() {
        vm.actionProperty().set("deploy");
        vm.applyFilter();
        assertThat(vm.events()).isEmpty();
        var jdbc = core.workspace().jdbc();
        jdbc.update("DROP TRIGGER audit_event_append_only");
        jdbc.update("UPDATE audit_event SET subject = 'forged' WHERE seq = 1");

        vm.verifyChain();

        assertThat(vm.selectedProperty().get().seq()).isEqualTo(1);
        assertThat(vm.verifyResultProperty().get()).contains("content does not match its hash (stored");
        assertThat(vm.verifyProgressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void exportsWhatTheFilterShowsSignedAndVerifiable() {
        vm.setExports(new io.slipway.core.audit.export.WorkspaceExports(core.audit(), core.registries(),
                core.workspace().jdbc(), io.slipway.core.common.Clock.SYSTEM, core.workspace().directory()));
        vm.actionProperty().set("workspace");
        vm.applyFilter();
        Path file = dir.resolve("exports/audit.jsonl");

        vm.exportShown(file, io.slipway.core.audit.export.ExportFormat.JSONL, "a long passphrase".toCharArray());

        assertThat(vm.exportResultProperty().get()).startsWith("Exported 3 events to " + file + ", signed by key SHA256:");
        var verified = io.slipway.core.audit.export.JsonlVerifier.verify(file, java.util.Optional.empty());
        assertThat(verified.events()).isEqualTo(3); // created, sample imported, signing key created
        assertThat(verified.keyFingerprint()).isPresent();
        vm.exportShown(dir.resolve("exports/audit.html"), io.slipway.core.audit.export.ExportFormat.HTML,
                "wrong passphrase".toCharArray());
        assertThat(vm.exportResultProperty().get()).startsWith("Export failed: Wrong workspace passphrase");
    }
}
