package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The top-level command: with no subcommand it opens the console; subcommands work on the workspace. */
@Command(name = "slipway", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Release-engineering console: fleet deploy, upgrades, release by SBOM, offline audit.",
                "With no command, opens the console on the workspace."},
        subcommands = {WorkspaceCommand.class, AuditCommand.class, NodesCommand.class, DeployCommand.class,
            RegistryCommand.class, SbomCommand.class, UpgradeCommand.class})
public final class SlipwayCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOptions workspace;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SBOM",
            description = "An SBOM file (SPDX, CycloneDX) or index to open in the console's SBOM view.")
    Path sbomFile;

    @Spec
    CommandSpec spec;

    private final GuiLauncher gui;

    public SlipwayCommand(GuiLauncher gui) {
        this.gui = gui;
    }

    @Override
    public Integer call() {
        if (sbomFile != null) {
            if (!Files.isRegularFile(sbomFile)) {
                throw new ParameterException(spec.commandLine(), "Unknown command '" + sbomFile + "' (nor an SBOM file of that name)");
            }
            gui.openOnStart(sbomFile.toAbsolutePath());
        }
        gui.prepare();
        try (SlipwayCore core = workspace.open()) {
            return gui.run(core);
        }
    }
}
