package io.slipway.cli;

import io.slipway.core.SlipwayCore;

/** Opens the console on a workspace; the CLI calls this when no subcommand is given, without knowing JavaFX. */
@FunctionalInterface
public interface GuiLauncher {
    /** Runs the console until its window closes; returns the exit code. */
    int run(SlipwayCore core);

    /**
     * Called just before the workspace opens, so the console can start its toolkit alongside (opening a new
     * workspace creates its schema and seeds the sample: time the window no longer waits for twice).
     */
    default void prepare() {
    }

    /** Before {@link #run}: the console opens this SBOM file in its SBOM view (the desktop's "Open with"). */
    default void openOnStart(java.nio.file.Path sbomFile) {
    }
}
