package io.slipway.gui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.SlipwayCore;
import io.slipway.gui.SampleWorkspace;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowGeometryTest {
    private static final List<Rectangle2D> TWO_SCREENS =
            List.of(new Rectangle2D(0, 0, 1920, 1050), new Rectangle2D(1920, 0, 1280, 1024));

    @Test
    void roundTripsThroughTheWorkspaceSettings(@TempDir Path dir) {
        try (SlipwayCore core = SampleWorkspace.open(dir)) {
            assertThat(WindowGeometry.load(core.settings())).isEmpty();

            new WindowGeometry(100.4, 50, 1000, 700, true).save(core.settings());

            assertThat(WindowGeometry.load(core.settings())).contains(new WindowGeometry(100, 50, 1000, 700, true));
            assertThat(core.settings().all()).containsKeys("ui.window.x", "ui.window.y", "ui.window.width",
                    "ui.window.height", "ui.window.maximized");
        }
    }

    @Test
    void unreadableValuesMeanNothingStored(@TempDir Path dir) {
        try (SlipwayCore core = SampleWorkspace.open(dir)) {
            new WindowGeometry(1, 2, 800, 600, false).save(core.settings());
            core.settings().put("ui.window.width", "wide");

            assertThat(WindowGeometry.load(core.settings())).isEmpty();
        }
    }

    @Test
    void visibleWhenTheTitleBarIsOnAnyScreen() {
        assertThat(new WindowGeometry(100, 100, 1000, 700, false).isVisibleOn(TWO_SCREENS)).isTrue();
        assertThat(new WindowGeometry(2000, 100, 1000, 700, false).isVisibleOn(TWO_SCREENS)).isTrue();
        // hanging off the right or bottom edge is fine as long as the title bar's left end can be grabbed
        assertThat(new WindowGeometry(1800, 900, 1000, 700, false).isVisibleOn(TWO_SCREENS)).isTrue();
    }

    @Test
    void notVisibleOnAMonitorThatIsGoneOrAboveTheScreen() {
        assertThat(new WindowGeometry(3300, 100, 1000, 700, false).isVisibleOn(TWO_SCREENS)).isFalse();
        assertThat(new WindowGeometry(-1500, 100, 1000, 700, false).isVisibleOn(TWO_SCREENS)).isFalse();
        assertThat(new WindowGeometry(100, -40, 1000, 700, false).isVisibleOn(TWO_SCREENS)).isFalse();
        assertThat(new WindowGeometry(100, 100, 50, 40, false).isVisibleOn(TWO_SCREENS)).isFalse();
    }
}
