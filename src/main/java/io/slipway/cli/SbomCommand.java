package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * The {@code sbom} command group. Each subcommand is its own class: inspect and diff read SBOMs; generate,
 * plan and publish make releases.
 */
@Command(name = "sbom", mixinStandardHelpOptions = true,
        description = "Read, validate, compare, generate and publish SBOMs (SPDX 2.x/3, CycloneDX JSON/XML).",
        subcommands = {SbomInspectCommand.class, SbomValidateCommand.class, SbomDiffCommand.class,
            SbomGenerateCommand.class, SbomPlanCommand.class, SbomPublishCommand.class})
public final class SbomCommand {
    /** Exit code when the release gate has a FAIL (or an unconfirmed finding) standing. */
    static final int POLICY_FAIL = ExitCodes.GATE_FAIL;

    /** The top-level command, for subcommands that need the workspace options. */
    @ParentCommand
    SlipwayCommand parent;

    SlipwayCore open() {
        return parent.workspace.open();
    }
}
