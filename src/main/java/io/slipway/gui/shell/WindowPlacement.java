package io.slipway.gui.shell;

import io.slipway.core.store.Settings;
import javafx.beans.InvalidationListener;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Restores the main window where it was (if that is still on a screen) and remembers where it is now. */
public final class WindowPlacement {
    static final double DEFAULT_WIDTH = 1200;
    static final double DEFAULT_HEIGHT = 760;

    private final Settings settings;
    private double normalX;
    private double normalY;
    private double normalWidth = DEFAULT_WIDTH;
    private double normalHeight = DEFAULT_HEIGHT;

    public WindowPlacement(Settings settings) {
        this.settings = settings;
    }

    /** Before the stage is shown. */
    public void restore(Stage stage) {
        var screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        WindowGeometry.load(settings).filter(g -> g.isVisibleOn(screens)).ifPresentOrElse(g -> {
            stage.setX(g.x());
            stage.setY(g.y());
            stage.setWidth(g.width());
            stage.setHeight(g.height());
            stage.setMaximized(g.maximized());
        }, () -> {
            var primary = Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(DEFAULT_WIDTH, primary.getWidth()));
            stage.setHeight(Math.min(DEFAULT_HEIGHT, primary.getHeight()));
            stage.centerOnScreen();
        });
        track(stage);
    }

    /** Keeps the last bounds the window had while not maximized, which is what a restart should restore. */
    private void track(Stage stage) {
        InvalidationListener remember = obs -> {
            if (!stage.isMaximized() && !stage.isIconified() && !Double.isNaN(stage.getX())) {
                normalX = stage.getX();
                normalY = stage.getY();
                normalWidth = stage.getWidth();
                normalHeight = stage.getHeight();
            }
        };
        stage.xProperty().addListener(remember);
        stage.yProperty().addListener(remember);
        stage.widthProperty().addListener(remember);
        stage.heightProperty().addListener(remember);
        remember.invalidated(null);
    }

    public void save(Stage stage) {
        new WindowGeometry(normalX, normalY, normalWidth, normalHeight, stage.isMaximized()).save(settings);
    }
}
