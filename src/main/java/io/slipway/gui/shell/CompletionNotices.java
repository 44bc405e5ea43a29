package io.slipway.gui.shell;

import io.slipway.gui.look.Icons;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Says that long work ended (a deploy, a publish, a registry login, an upgrade…) when the user is elsewhere: in
 * another view, or with the window not focused. Clicking the notice brings the window forward on the work's view
 * and opens its result. One generic hook, {@link #ended}, for every kind of work.
 */
public final class CompletionNotices {
    private final Stage stage;
    private final MainWindowViewModel main;

    public CompletionNotices(Stage stage, MainWindowViewModel main) {
        this.stage = stage;
        this.main = main;
    }

    /** Whether the user would miss the end of work shown in {@code origin}. */
    static boolean userIsElsewhere(ConsoleView origin, ConsoleView current, boolean windowFocused) {
        return !windowFocused || current != origin;
    }

    /**
     * On the FX thread, when work that belongs to {@code origin} has ended: shows a notice unless the user is
     * looking at it. {@code openResult} runs after the click has shown {@code origin}. True if a notice was shown.
     */
    public boolean ended(ConsoleView origin, String title, String text, boolean failed, Runnable openResult) {
        if (!stage.isShowing() || !userIsElsewhere(origin, main.currentViewProperty().get(), stage.isFocused())) {
            return false;
        }
        Label graphic = new Label(null, Icons.forStatus(failed ? "failed" : "done"));
        graphic.getStyleClass().add(failed ? "state-failed" : "state-done");
        Notifications.create()
                .owner(stage)
                .title(title)
                .text(text + "\nClick to open.")
                .graphic(graphic)
                .hideAfter(Duration.seconds(10))
                .onAction(e -> {
                    stage.toFront();
                    main.navigate(origin);
                    openResult.run();
                })
                .show();
        return true;
    }
}
