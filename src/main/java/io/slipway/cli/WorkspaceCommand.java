package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import io.slipway.core.sample.SampleImporter;
import io.slipway.core.sample.SampleSource;
import io.slipway.core.store.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code workspace info|init}: where the workspace is and what it holds. */
@Command(name = "workspace", description = "Show or initialise the workspace.", mixinStandardHelpOptions = true)
public final class WorkspaceCommand {
    @ParentCommand
    SlipwayCommand parent;

    @Spec
    CommandSpec spec;

    @Command(name = "info", description = "Print the workspace path, schema version and row counts.")
    int info(@Option(names = "--json", description = "Print the same as one JSON object.") boolean json) {
        try (SlipwayCore core = parent.workspace.open()) {
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("workspace", core.workspace().directory().toString());
                m.put("database", core.workspace().databasePath().toString());
                m.put("schema", Workspace.SCHEMA_VERSION);
                m.put("nodes", core.nodes().all().size());
                m.put("components", core.components().all().size());
                m.put("upgradeOffers", core.upgrades().all().size());
                m.put("deploys", core.deploys().all().size());
                m.put("auditEvents", core.audit().count());
                out.println(JsonViews.write(m));
                return 0;
            }
            out.printf("workspace: %s%n", core.workspace().directory());
            out.printf("database:  %s%n", core.workspace().databasePath());
            out.printf("schema:    %d%n", Workspace.SCHEMA_VERSION);
            out.printf("nodes: %d, components: %d, upgrade offers: %d, deploys: %d, audit events: %d%n",
                    core.nodes().all().size(), core.components().all().size(), core.upgrades().all().size(),
                    core.deploys().all().size(), core.audit().count());
            return 0;
        }
    }

    @Command(name = "init", description = "Create the workspace; with --from, import a sample folder into it.")
    int init(@Option(names = "--from", paramLabel = "DIR", description = "Sample folder to import.") Path from) {
        SampleSource source = from == null ? null : SampleSource.folder(from);
        try (SlipwayCore core = parent.workspace.open()) {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("workspace %s ready%n", core.workspace().directory());
            if (source != null) {
                SampleImporter.Summary s = core.importSample(source);
                out.printf("imported %d nodes, %d upgrade offer(s), %d deploys, %d components from %s%n",
                        s.nodes(), s.offers(), s.deploys(), s.components(), source.describe());
            }
            return 0;
        }
    }
}
