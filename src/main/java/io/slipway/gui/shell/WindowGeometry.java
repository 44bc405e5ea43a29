package io.slipway.gui.shell;

import io.slipway.core.store.Settings;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * The main window's normal (not maximized) bounds and whether it was maximized, as kept in the workspace
 * settings {@code ui.window.x|y|width|height|maximized}.
 */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {
    static final String X = "ui.window.x";
    static final String Y = "ui.window.y";
    static final String WIDTH = "ui.window.width";
    static final String HEIGHT = "ui.window.height";
    static final String MAXIMIZED = "ui.window.maximized";
    /** How much of the title bar must lie on a screen for the window to be grabbable there. */
    private static final double GRIP_WIDTH = 120;
    private static final double GRIP_HEIGHT = 20;

    /** Empty when nothing (or something unreadable) is stored. */
    public static Optional<WindowGeometry> load(Settings settings) {
        try {
            Optional<Double> x = settings.get(X).map(Double::valueOf);
            Optional<Double> y = settings.get(Y).map(Double::valueOf);
            Optional<Double> w = settings.get(WIDTH).map(Double::valueOf);
            Optional<Double> h = settings.get(HEIGHT).map(Double::valueOf);
            boolean max = settings.get(MAXIMIZED).map(Boolean::parseBoolean).orElse(false);
            if (x.isEmpty() || y.isEmpty() || w.isEmpty() || h.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new WindowGeometry(x.get(), y.get(), w.get(), h.get(), max));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void save(Settings settings) {
        settings.put(X, Long.toString(Math.round(x)));
        settings.put(Y, Long.toString(Math.round(y)));
        settings.put(WIDTH, Long.toString(Math.round(width)));
        settings.put(HEIGHT, Long.toString(Math.round(height)));
        settings.put(MAXIMIZED, Boolean.toString(maximized));
    }

    /**
     * True if the window has a sane size and the left part of its title bar lies on one of {@code screens},
     * so a window saved on a since-removed monitor is not restored off-screen.
     */
    public boolean isVisibleOn(List<Rectangle2D> screens) {
        if (!(width >= 200 && height >= 150) || Double.isNaN(x) || Double.isNaN(y)) {
            return false;
        }
        Rectangle2D grip = new Rectangle2D(x, y, Math.min(width, GRIP_WIDTH), GRIP_HEIGHT);
        return screens.stream().anyMatch(s -> s.contains(grip));
    }
}
