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
}
