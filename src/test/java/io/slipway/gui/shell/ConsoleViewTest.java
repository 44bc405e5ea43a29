package io.slipway.gui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConsoleViewTest {
    @Test
    void theShortcutsUsersKnowStayAndTheRegistryTakesTheNextDigit() {
        assertThat(Arrays.stream(ConsoleView.values()).map(v -> v.title() + "=" + v.shortcutDigit()))
                .containsExactly("Nodes=1", "Deploys=2", "Registry=7", "Upgrades=3", "SBOM=4", "Audit=5",
                        "Settings=6");
        assertThat(Arrays.stream(ConsoleView.values()).mapToInt(ConsoleView::shortcutDigit).distinct().count())
                .isEqualTo(ConsoleView.values().length);
        assertThat(ConsoleView.fromSetting("registry")).contains(ConsoleView.REGISTRY);
    }
}
