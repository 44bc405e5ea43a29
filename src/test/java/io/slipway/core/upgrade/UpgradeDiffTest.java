package io.slipway.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.inventory.Node;
import io.slipway.core.inventory.NodeStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpgradeDiffTest {
    static Node node(String name, Map<String, String> installed) {
        return new Node(1, name, "unix:///n.sock", List.of(), "", NodeStatus.UNKNOWN, null, null, null, null, installed);
    }

    private static final UpgradeOffer OFFER = new UpgradeOffer(1, "o", Instant.EPOCH,
            Map.of("a", "2.0.0", "b", "1.0.0", "c", "3.1.0"));
    private static final List<Node> NODES = List.of(
            node("n1", Map.of("a", "1.9.0", "b", "1.0.0", "c", "3.2.0")),
            node("n2", Map.of("a", "2.0.0")));

    @Test
    void onlyStrictlyNewerVersionsOfInstalledSoftwareAreTargets() {
        UpgradeDiff diff = UpgradeDiff.of(OFFER, NODES);

        assertThat(diff.software()).containsExactly("a", "b", "c");
        UpgradeDiff.Row n1 = diff.rows().get(0);
        assertThat(n1.cells()).extracting(UpgradeCell::state)
                .containsExactly(CellState.TARGET, CellState.CURRENT, CellState.CURRENT);
        assertThat(n1.cells().get(0).display()).isEqualTo("1.9.0 → 2.0.0");
        assertThat(n1.cells().get(1).display()).isEqualTo("1.0.0 (current)");
        assertThat(n1.cells().get(2).display()).isEqualTo("3.2.0 (current)");
        UpgradeDiff.Row n2 = diff.rows().get(1);
        // a node without the software is not a target: "not installed"
        assertThat(n2.cells()).extracting(UpgradeCell::state)
                .containsExactly(CellState.CURRENT, CellState.NOT_INSTALLED, CellState.NOT_INSTALLED);
        assertThat(n2.cells().get(1).display()).isEqualTo("not installed");
        assertThat(n2.cells()).noneMatch(UpgradeCell::isTarget);
        assertThat(diff.targetCount()).isEqualTo(1);
        assertThat(diff.targets()).containsExactly(new UpgradeDiff.Target("n1", "a", "1.9.0", "2.0.0"));
    }

    @Test
    void installWhereMissingTurnsMissingCellsIntoInstalls() {
        UpgradeDiff diff = UpgradeDiff.of(OFFER, NODES, true);

        UpgradeDiff.Row n2 = diff.rows().get(1);
        assertThat(n2.cells()).extracting(UpgradeCell::state)
                .containsExactly(CellState.CURRENT, CellState.INSTALL, CellState.INSTALL);
        assertThat(n2.cells().get(1).display()).isEqualTo("— → 1.0.0 (install)");
        assertThat(diff.targets()).extracting(UpgradeDiff.Target::from).containsExactly("1.9.0", null, null);
    }

    @Test
    void theSingleCellConstructorFollowsTheSameRule() {
        assertThat(new UpgradeCell("a", null, "2.0.0").state()).isEqualTo(CellState.NOT_INSTALLED);
        assertThat(new UpgradeCell("a", "1.0.0", "2.0.0").state()).isEqualTo(CellState.TARGET);
        assertThat(new UpgradeCell("a", "2.0.0", "2.0.0").state()).isEqualTo(CellState.CURRENT);
        assertThat(new UpgradeCell("a", "1.0.0", null).display()).isEqualTo("1.0.0");
    }
}
