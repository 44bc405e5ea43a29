package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.upgrade.OfferSources;
import io.slipway.core.upgrade.UpgradeOffer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code upgrade offer add | from-sbom}: store an offer; {@code upgrade offers}: list them. */
@Command(name = "offer", mixinStandardHelpOptions = true, description = "Add an upgrade offer (software → version).",
        subcommands = {UpgradeOfferCommand.Add.class, UpgradeOfferCommand.FromSbom.class})
public final class UpgradeOfferCommand {
    @ParentCommand
    UpgradeCommand upgrade;

    static void printAdded(PrintWriter out, UpgradeOffer o) {
        out.printf("added offer %d '%s' (%s): %s%n", o.id(), o.name(), o.source(), o.offered());
        out.flush();
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add an offer from a JSON or YAML file ({\"name\": …, \"offered\": {software: version}}) "
                    + "or from --name N --set S=V pairs."})
    static final class Add implements Callable<Integer> {
        @ParentCommand UpgradeOfferCommand offer;
        @Spec CommandSpec spec;
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "JSON or YAML offer file.") Path file;
        @Option(names = "--name", paramLabel = "N", description = "Offer name (overrides the file's).") String name;
        @Option(names = "--set", paramLabel = "S=V", description = "Software and offered version (repeat).")
        List<String> pairs;

        @Override
        public Integer call() {
            if ((file == null) == (pairs == null || pairs.isEmpty())) {
                throw new UserFacingException("upgrade offer add: give a FILE, or --name N with --set S=V (not both).");
            }
            OfferSources.Draft draft = file != null ? OfferSources.fromFile(file, name)
                    : OfferSources.fromPairs(name, pairs);
            try (SlipwayCore core = offer.upgrade.open()) {
                printAdded(spec.commandLine().getOut(), core.upgradeService().addOffer(draft));
            }
            return 0;
        }
    }

    @Command(name = "from-sbom", mixinStandardHelpOptions = true,
            description = "Add an offer from a release's SBOM index: every component's name → version.")
    static final class FromSbom implements Callable<Integer> {
        @ParentCommand UpgradeOfferCommand offer;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "INDEX", description = "The SBOM index (sbom-index.spdx.json).") Path index;
        @Option(names = "--name", paramLabel = "N", required = true, description = "Offer name.") String name;

        @Override
        public Integer call() {
            try (SlipwayCore core = offer.upgrade.open()) {
                printAdded(spec.commandLine().getOut(),
                        core.upgradeService().addOffer(OfferSources.fromSbomIndex(index, name)));
            }
            return 0;
        }
    }

    @Command(name = "offers", mixinStandardHelpOptions = true, description = "List the upgrade offers, newest first.")
    static final class Offers implements Callable<Integer> {
        @ParentCommand UpgradeCommand upgrade;
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "Print them as JSON.") boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (SlipwayCore core = upgrade.open()) {
                List<UpgradeOffer> offers = core.upgradeService().offers();
                if (json) {
                    UpgradeCommand.printJson(out, offers);
                    return 0;
                }
                if (offers.isEmpty()) {
                    out.println("No upgrade offers (add one with 'slipway upgrade offer add').");
                }
                for (UpgradeOffer o : offers) {
                    out.printf("%4d  %-30s %s  %s%n     %s%n", o.id(), o.name(),
                            DateTimeFormatter.ISO_INSTANT.format(o.createdAt()), o.source() == null ? "" : o.source(),
                            o.offered());
                }
                out.flush();
            }
            return 0;
        }
    }
}
