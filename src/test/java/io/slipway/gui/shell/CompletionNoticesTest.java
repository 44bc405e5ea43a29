package io.slipway.gui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.gui.SampleConsoleFixture;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * In the whole console (headless): the end of work is announced only when the user is elsewhere, and clicking
 * the notice shows the work's view and opens its result.
 */
class CompletionNoticesTest extends SampleConsoleFixture {

    @Test
    void announcedOnlyWhenTheUserIsElsewhereAndTheClickOpensTheResult() throws Exception {
        openConsole();
        robot.clickOn("#nav-sbom");
        WaitForAsyncUtils.waitForFxEvents();
        AtomicBoolean opened = new AtomicBoolean();

        // looking at the SBOM view in the focused window: nothing to announce
        boolean shown = onFx(() -> stage.isFocused()
                && console.notices().ended(ConsoleView.SBOM, "Publish ended", "Published 12 files", false,
                        () -> opened.set(true)));
        assertThat(shown).isFalse();

        // on Nodes, the publish's end is announced
        robot.clickOn("#nav-nodes");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> console.notices().ended(ConsoleView.SBOM, "Publish ended",
                "Published 12 files to /tmp/out", false, () -> opened.set(true)))).isTrue();
        waitUntil(() -> robot.lookup(".notification-bar").tryQuery().isPresent());
        Node notice = robot.lookup(".notification-bar").query();
        assertThat(robot.from(notice).lookup(".title").queryLabeled().getText()).isEqualTo("Publish ended");
        assertThat(robot.from(notice).lookup((Node n) -> n instanceof Labeled).<Labeled>queryAll())
                .extracting(Labeled::getText).anyMatch(t -> t != null && t.startsWith("Published 12 files to /tmp/out"));

        robot.clickOn(notice);
        waitUntil(opened::get);
        assertThat(this.<ToggleButton>lookup("#nav-sbom").isSelected()).isTrue();
    }

    @Test
    void theWindowLosingFocusCountsAsElsewhere() {
        assertThat(CompletionNotices.userIsElsewhere(ConsoleView.DEPLOYS, ConsoleView.DEPLOYS, false)).isTrue();
        assertThat(CompletionNotices.userIsElsewhere(ConsoleView.DEPLOYS, ConsoleView.NODES, true)).isTrue();
        assertThat(CompletionNotices.userIsElsewhere(ConsoleView.DEPLOYS, ConsoleView.DEPLOYS, true)).isFalse();
    }
}
