package io.slipway.gui;

import io.slipway.cli.GuiLauncher;
import io.slipway.core.SlipwayCore;

/** Starts the JavaFX console on an open workspace and blocks until its window closes. */
public final class ConsoleLauncher implements GuiLauncher {
    @Override
    public int run(SlipwayCore core) {
        throw new IllegalStateException("console not built yet");
    }
}
