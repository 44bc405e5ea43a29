package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import io.slipway.core.sbom.release.GateResult;
import io.slipway.core.sbom.release.LoadedRelease;
import io.slipway.core.sbom.release.PublishProgress;
import io.slipway.core.sbom.release.PublishResult;
import io.slipway.core.sbom.release.ReleaseBlockedException;
import io.slipway.core.sbom.release.ReleasePolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sbom publish INDEX --out DIR}: gate, then publish atomically by tier and mode. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish a release into DIR/<open-source|third-party|derivative|owned>/<name>-<version>/"
                + "{spdx,source,binary} as each component's mode allows, with the published SBOM index, NOTICE and "
                + "SHA256SUMS. Atomic: all or nothing. DIR must not exist or be empty.",
                "Exit 0 when published, 4 when the release gate refuses, 1 on bad input."})
public final class SbomPublishCommand implements Callable<Integer> {
    @ParentCommand
    SbomCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INDEX", description = "The SBOM index (sbom-index.spdx.json).")
    Path index;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to publish into.")
    Path out;

    @Option(names = "--confirm-owned-source",
            description = "Confirm publishing the source of owned components released in mode 1.")
    boolean confirmOwnedSource;

    @Option(names = "--policy", paramLabel = "FILE", description = "Release policy (YAML or JSON; default: built in).")
    Path policy;

    @Option(names = "--release-set", paramLabel = "FILE",
            description = "The release-set manifest, instead of the one the index names.")
    Path releaseSet;

    @Override
    public Integer call() {
        try (SlipwayCore core = parent.open()) {
            ReleasePolicy p = policy == null ? ReleasePolicy.defaultPolicy() : ReleasePolicy.load(policy);
            LoadedRelease release = core.sbomRelease().load(index, Optional.ofNullable(releaseSet));
            PrintWriter o = spec.commandLine().getOut();
            try {
                PublishResult r = core.sbomRelease().publish(release, p, out, confirmOwnedSource, PublishProgress.NONE);
                GateResult gate = core.sbomRelease().gate(release, p);
                SbomPlanCommand.printGate(o, gate);
                o.printf("published %s %s into %s: %d files, %d bytes (index %s, %s, %s)%n", release.name(),
                        release.version(), r.out(), r.files(), r.bytes(), r.index().getFileName(),
                        r.notice().getFileName(), r.sha256sums().getFileName());
                return 0;
            } catch (ReleaseBlockedException e) {
                SbomPlanCommand.printGate(o, e.gate());
                spec.commandLine().getErr().println("slipway: " + e.getMessage());
                return SbomCommand.POLICY_FAIL;
            }
        }
    }
}
