package io.slipway;

import io.slipway.cli.Cli;
import io.slipway.gui.ConsoleLauncher;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The one entry point: no subcommand opens the console, a subcommand runs the CLI. A plain class (not the
 * JavaFX Application) so {@code java -jar} and jpackage launchers work from the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = Cli.run(new ConsoleLauncher(), out, err, args);
        System.exit(code);
    }
}
