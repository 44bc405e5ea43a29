package io.slipway.gui.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.SlipwayCore;
import io.slipway.gui.SampleWorkspace;
import io.slipway.gui.tasks.SynchronousTaskExecutor;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodesViewModelTest {
    @TempDir
    Path dir;
    private SlipwayCore core;
    private NodesViewModel vm;

    @BeforeEach
    void load() {
        core = SampleWorkspace.open(dir);
        vm = new NodesViewModel(core.inventory(), new SynchronousTaskExecutor(), Runnable::run, Runnable::run);
        vm.activate();
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void showsEveryNodeWithItsInstalledSoftware() {
        assertThat(vm.visibleNodes()).extracting(NodeRow::name)
                .containsExactly("build-node-01", "build-node-02", "build-node-03", "hil-bench-01");
        NodeRow first = vm.visibleNodes().get(0);
        assertThat(first.installed()).isEqualTo("hmi-app 1.9.0, perception-core 2.3.1, planning-service 2.4.0");
        assertThat(first.groups()).isEqualTo("lab-a, x86");
        assertThat(first.statusText()).isEqualTo("unknown");
        assertThat(first.lastSeen()).isEqualTo("never");
        assertThat(vm.summaryProperty().get()).isEqualTo("4 nodes");
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void offersEveryGroupAfterAllGroups() {
        assertThat(vm.groups()).containsExactly(NodesViewModel.ALL_GROUPS, "arm64", "hil", "lab-a", "lab-b", "x86");
    }

    @Test
    void quickFilterMatchesAnyColumnIgnoringCase() {
        vm.filterTextProperty().set("HIL");
        assertThat(vm.visibleNodes()).extracting(NodeRow::name).containsExactly("hil-bench-01");

        vm.filterTextProperty().set("map-service 1.0.4");
        assertThat(vm.visibleNodes()).extracting(NodeRow::name).containsExactly("build-node-03");
        assertThat(vm.summaryProperty().get()).isEqualTo("1 of 4 nodes");

        vm.filterTextProperty().set("no such node");
        assertThat(vm.visibleNodes()).isEmpty();
        assertThat(vm.emptyTextProperty().get()).isEqualTo("No node matches the filter.");
    }

    @Test
    void groupFilterCombinesWithTheQuickFilter() {
        vm.groupProperty().set("lab-a");
        assertThat(vm.visibleNodes()).extracting(NodeRow::name).containsExactly("build-node-01", "build-node-02");

        vm.filterTextProperty().set("hmi-app");
        assertThat(vm.visibleNodes()).extracting(NodeRow::name).containsExactly("build-node-01");

        vm.groupProperty().set(NodesViewModel.ALL_GROUPS);
        assertThat(vm.visibleNodes()).extracting(NodeRow::name).containsExactly("build-node-01", "hil-bench-01");
    }

    @Test
    void refreshKeepsTheChosenGroupAndShowsNewNodes() {
        vm.groupProperty().set("hil");
        core.nodes().add("hil-bench-02", "tcp://127.0.0.1:23770", java.util.List.of("hil"), "", java.util.Map.of());

        vm.refresh();

        assertThat(vm.groupProperty().get()).isEqualTo("hil");
        assertThat(vm.visibleNodes()).extracting(NodeRow::name).containsExactly("hil-bench-01", "hil-bench-02");
    }

    @Test
    void theReasonTypedInTheDialogIsRecordedWithTheChange() {
        vm.addNode(new NodeForm("edge-07", "tcp://127.0.0.1:1", "", "", "", ""), "HIL bench for OPS-9");
        vm.editNode("edge-07", new NodeForm("edge-07", "tcp://127.0.0.1:2", "", "", "", ""), " ");
        var events = core.audit().latest(2);
        assertThat(events.get(1).action()).isEqualTo("node.added");
        assertThat(events.get(1).reason()).isEqualTo("HIL bench for OPS-9");
        assertThat(events.get(0).action()).isEqualTo("node.edited");
        assertThat(events.get(0).reason()).isNull();
    }

    @Test
    void addEditAndRemoveGoThroughTheInventory() {
        NodeForm form = new NodeForm("edge-01", "tcp://127.0.0.1:1", "", "edge, x86", "rack=7", "spare");
        assertThat(vm.validate(form)).isEmpty();
        vm.addNode(form);
        NodeRow added = vm.visibleNodes().stream().filter(r -> r.name().equals("edge-01")).findFirst().orElseThrow();
        assertThat(added.groupList()).containsExactly("edge", "x86");
        assertThat(added.labelMap()).containsEntry("rack", "7");
        assertThat(vm.labels()).contains("rack=7");

        vm.editNode("edge-01", new NodeForm("edge-02", "tcp://127.0.0.1:1", "", "edge", "rack=8", ""));
        assertThat(vm.visibleNodes()).extracting(NodeRow::name).contains("edge-02").doesNotContain("edge-01");
        vm.labelProperty().set("rack=8");
        assertThat(vm.visibleNodes()).extracting(NodeRow::name).containsExactly("edge-02");

        vm.removeNode("edge-02");
        assertThat(core.inventory().all()).extracting(n -> n.name()).doesNotContain("edge-02");
        assertThat(vm.labelProperty().get()).isEqualTo(NodesViewModel.ALL_LABELS);
        assertThat(vm.actionErrorProperty().get()).isEmpty();
    }

    @Test
    void invalidFormsAreExplainedAndFailedChangesReported() {
        assertThat(vm.validate(new NodeForm("bad name", "tcp://h:1", "", "", "", ""))).contains("not usable");
        assertThat(vm.validate(new NodeForm("ok", "tcp://h:1", "", "", "novalue", ""))).contains("key=value");
        vm.removeNode("no-such-node");
        assertThat(vm.actionErrorProperty().get()).contains("Removing node no-such-node failed");
    }

    @Test
    void probeAllUpdatesEveryRowAndTheStatusFilter() {
        core.nodes().add("dead-01", "tcp://127.0.0.1:1", java.util.List.of("edge"), "", java.util.Map.of());
        NodesViewModel probingVm = new NodesViewModel(core.inventory(), new SynchronousTaskExecutor(), Runnable::run,
                Runnable::run, java.time.Duration.ofSeconds(3));
        probingVm.activate();

        probingVm.probeAll();

        assertThat(probingVm.probingProperty().get()).isFalse();
        assertThat(probingVm.probeProgressProperty().get()).isEqualTo(1.0);
        NodeRow dead = probingVm.visibleNodes().stream().filter(r -> r.name().equals("dead-01")).findFirst()
                .orElseThrow();
        assertThat(dead.statusText()).isEqualTo("unreachable");
        assertThat(dead.statusReason()).isNotBlank();
        probingVm.statusProperty().set("unreachable");
        assertThat(probingVm.visibleNodes()).extracting(NodeRow::name).contains("dead-01");
        probingVm.statusProperty().set("unknown");
        assertThat(probingVm.visibleNodes()).isEmpty();
        assertThat(probingVm.probeMessageProperty().get()).endsWith("reachable");
    }
}
