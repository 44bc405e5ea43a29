package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The top-level command: with no subcommand it opens the console; subcommands work on the workspace. */
@Command(name = "slipway", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Release-engineering console: fleet deploy, upgrades, release by SBOM, offline audit.",
                "With no command, opens the console on the workspace."},
        subcommands = {WorkspaceCommand.class, AuditCommand.class, NodesCommand.class, DeployCommand.class,
            RegistryCommand.class, SbomCommand.class, UpgradeCommand.class})
public final class SlipwayCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOptions workspace;

    private final GuiLauncher gui;

    public SlipwayCommand(GuiLauncher gui) {
        this.gui = gui;
    }

    @Override
    public Integer call() {
        try (SlipwayCore core = workspace.open()) {
            return gui.run(core);
        }
    }
}
