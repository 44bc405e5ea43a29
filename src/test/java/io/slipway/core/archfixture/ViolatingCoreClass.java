package io.slipway.core.archfixture;

/** Deliberately breaks every rule; {@code ArchitectureRulesCatchViolationsTest} shows each rule catches it. */
public final class ViolatingCoreClass {
    private ViolatingCoreClass() {
    }

    static Object uiInCore() {
        return new javafx.beans.property.SimpleStringProperty("core must not know JavaFX");
    }

    static void printsAndStartsThreads() {
        System.out.println("bypasses the CLI output path");
        new Thread(() -> { }).start();
        java.util.logging.Logger.getLogger("x").info("jul");
    }

    static Object cliFromCore() {
        return io.slipway.cli.Cli.class;
    }
}
