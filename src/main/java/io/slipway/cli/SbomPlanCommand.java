package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import io.slipway.core.common.Json;
import io.slipway.core.sbom.release.Artefact;
import io.slipway.core.sbom.release.Finding;
import io.slipway.core.sbom.release.GateResult;
import io.slipway.core.sbom.release.LoadedRelease;
import io.slipway.core.sbom.release.PlanEntry;
import io.slipway.core.sbom.release.ReleasePlan;
import io.slipway.core.sbom.release.ReleasePolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sbom plan INDEX [--json]}: what a publication would write, and the release gate's findings. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Preview the release plan of an SBOM index (per component: tier, mode, what is published, "
                + "why) and the release gate's findings. Writes nothing.",
                "Exit 0 when publishing is allowed, 4 when a FAIL finding stands, 1 on bad input."})
public final class SbomPlanCommand implements Callable<Integer> {
    @ParentCommand
    SbomCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INDEX", description = "The SBOM index (sbom-index.spdx.json).")
    Path index;

    @Option(names = "--json", description = "Print the plan and findings as JSON.")
    boolean json;

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
            ReleasePlan plan = core.sbomRelease().plan(release);
            GateResult gate = core.sbomRelease().gate(release, p);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(toJson(release, plan, gate, p)));
            } else {
                print(out, release, plan, gate);
            }
            return gate.hasFail() ? SbomCommand.POLICY_FAIL : 0;
        }
    }

    static void print(PrintWriter out, LoadedRelease release, ReleasePlan plan, GateResult gate) {
        out.printf("release %s %s: %d components, %d files to publish (index %s)%n", release.name(), release.version(),
                plan.entries().size(), plan.artefactCount(), release.index());
        out.printf("%-12s %-30s %-4s %-42s %s%n", "TIER", "COMPONENT", "MODE", "PUBLISHES", "REASON");
        for (PlanEntry e : plan.entries()) {
            out.printf("%-12s %-30s %-4s %-42s %s%n", e.tier() == null ? "?" : e.tier().label(),
                    e.component().name() + " " + e.component().version(), e.mode() == null ? "?" : e.mode().number(),
                    e.folder() == null ? "nothing" : e.summary(), e.reason());
        }
        printGate(out, gate);
    }

    static void printGate(PrintWriter out, GateResult gate) {
        out.printf("gate: %s (%d FAIL, %d WARN)%n", gate.status(), gate.count(io.slipway.core.sbom.release.Severity.FAIL),
                gate.count(io.slipway.core.sbom.release.Severity.WARN));
        for (Finding f : gate.findings()) {
            out.println("  " + f.line() + (f.needsConfirmation() ? " [needs confirmation]" : ""));
        }
    }

    static Map<String, Object> toJson(LoadedRelease release, ReleasePlan plan, GateResult gate, ReleasePolicy policy) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", release.index().toString());
        m.put("release", release.name());
        m.put("version", release.version());
        m.put("policy", policy.source());
        m.put("gate", gate.status().name());
        m.put("entries", plan.entries().stream().map(e -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("component", e.component().id());
            x.put("name", e.component().name());
            x.put("version", e.component().version());
            x.put("tier", e.tier() == null ? null : e.tier().label());
            x.put("mode", e.mode() == null ? null : e.mode().number());
            x.put("folder", e.folder());
            x.put("reason", e.reason());
            x.put("pulledInBy", e.pulledInBy());
            x.put("artefacts", e.artefacts().stream().map(SbomPlanCommand::artefact).toList());
            return x;
        }).toList());
        m.put("findings", gate.findings().stream().map(f -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("component", f.componentId());
            x.put("rule", f.rule());
            x.put("severity", f.severity().name());
            x.put("message", f.message());
            x.put("fix", f.fix());
            x.put("needsConfirmation", f.needsConfirmation());
            return x;
        }).toList());
        return m;
    }

    private static Map<String, Object> artefact(Artefact a) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("kind", a.kind().name().toLowerCase(java.util.Locale.ROOT));
        x.put("path", a.target());
        return x;
    }
}
