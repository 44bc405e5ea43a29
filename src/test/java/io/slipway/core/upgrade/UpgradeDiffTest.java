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

    @Test
    void onlyStrictlyNewerOffersBecomeTargets() {
        UpgradeOffer offer = new UpgradeOffer(1, "o", Instant.EPOCH, Map.of("a", "2.0.0", "b", "1.0.0", "c", "3.1.0"));
        UpgradeDiff diff = UpgradeDiff.of(offer, List.of(
                node("n1", Map.of("a", "1.9.0", "b", "1.0.0", "c", "3.2.0")),
                node("n2", Map.of("a", "2.0.0"))));

        assertThat(diff.software()).containsExactly("a", "b", "c");
        UpgradeDiff.Row n1 = diff.rows().get(0);
        assertThat(n1.cells()).extracting(UpgradeCell::isTarget).containsExactly(true, false, false);
        assertThat(n1.cells().get(0).display()).isEqualTo("1.9.0 → 2.0.0");
        assertThat(n1.cells().get(1).display()).isEqualTo("1.0.0 (current)");
        UpgradeDiff.Row n2 = diff.rows().get(1);
        assertThat(n2.cells()).extracting(UpgradeCell::isTarget).containsExactly(false, true, true);
        assertThat(n2.cells().get(1).display()).isEqualTo("— → 1.0.0");
        assertThat(diff.targetCount()).isEqualTo(3);
    }
}
