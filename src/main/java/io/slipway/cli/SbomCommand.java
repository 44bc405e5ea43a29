package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code sbom ...}: SBOM commands (release side: generate, plan, publish). */
@Command(name = "sbom", description = "SBOMs: generate, plan and publish releases.", mixinStandardHelpOptions = true,
        subcommands = {SbomGenerateCommand.class, SbomPlanCommand.class, SbomPublishCommand.class})
public final class SbomCommand {
    /** Exit code when the release gate has a FAIL (or an unconfirmed finding) standing. */
    static final int POLICY_FAIL = 2;

    @ParentCommand
    SlipwayCommand parent;

    SlipwayCore open() {
        return parent.workspace.open();
    }
}
