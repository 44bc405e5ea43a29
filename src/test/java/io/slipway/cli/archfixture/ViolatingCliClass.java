package io.slipway.cli.archfixture;

/** Deliberately makes the CLI depend on the GUI. */
public final class ViolatingCliClass {
    private ViolatingCliClass() {
    }

    static Object guiFromCli() {
        return new io.slipway.gui.ConsoleLauncher();
    }
}
