package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import io.slipway.core.sbom.release.GenerateResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sbom generate RELEASE_SET --out DIR}: one SPDX 2.3 document per component plus the SBOM index. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate the SBOM of a release set: one SPDX 2.3 JSON document per component "
                + "(DIR/components/<id>.spdx.json) and the SBOM index (DIR/sbom-index.spdx.json).",
                "RELEASE_SET is the manifest release-set.json or the folder holding it (docs/release-set.md)."})
public final class SbomGenerateCommand implements Callable<Integer> {
    @ParentCommand
    SbomCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RELEASE_SET", description = "The release-set manifest or its folder.")
    Path releaseSet;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the SBOM.")
    Path out;

    @Override
    public Integer call() {
        try (SlipwayCore core = parent.open()) {
            GenerateResult r = core.sbomRelease().generate(releaseSet, out);
            PrintWriter o = spec.commandLine().getOut();
            o.printf("generated %d SPDX documents (%d files) and the SBOM index %s%n", r.documents().size(), r.files(),
                    r.index());
            r.notes().forEach(n -> o.println("note: " + n));
            return 0;
        }
    }
}
