package io.slipway.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * The {@code sbom} command group. Each subcommand is its own class (inspect, diff; generate, plan and publish
 * belong to the release side); add new ones to {@code subcommands}.
 */
@Command(name = "sbom", mixinStandardHelpOptions = true,
        description = "Read, compare and release SBOMs (SPDX 2.x/3, CycloneDX JSON).",
        subcommands = {SbomInspectCommand.class, SbomDiffCommand.class})
public final class SbomCommand {
    /** The top-level command, for subcommands that need the workspace options. */
    @ParentCommand
    SlipwayCommand parent;
}
