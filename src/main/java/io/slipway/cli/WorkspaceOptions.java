package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import io.slipway.core.sample.SampleSource;
import io.slipway.core.store.WorkspaceLocation;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The global options that choose and seed the workspace; inherited by every subcommand. */
public final class WorkspaceOptions {
    @Option(names = "--workspace", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Workspace directory (default: $" + WorkspaceLocation.ENV_VAR
                    + ", else $XDG_DATA_HOME/slipway, else ~/.local/share/slipway).")
    Path workspace;

    @Option(names = "--sample", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Seed a NEW workspace from this sample folder instead of the bundled sample.")
    Path sample;

    @Option(names = "--no-sample", scope = ScopeType.INHERIT,
            description = "Create a new workspace empty, without sample data.")
    boolean noSample;

    @Option(names = "--reason", paramLabel = "TEXT", scope = ScopeType.INHERIT,
            description = "Why you do this: recorded with every audit event the command writes (deploy, publish, "
                    + "tag edits, policy, node and registry changes).")
    String reason;

    public Path directory() {
        return WorkspaceLocation.resolveDefault(workspace);
    }

    public SlipwayCore open() {
        Optional<SampleSource> seed;
        if (noSample) {
            seed = Optional.empty();
        } else if (sample != null) {
            seed = Optional.of(SampleSource.folder(sample));
        } else {
            seed = Optional.of(SampleSource.bundled());
        }
        SlipwayCore core = SlipwayCore.open(directory(), seed);
        core.audit().setSessionReason(reason);
        return core;
    }
}
