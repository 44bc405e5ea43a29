package io.slipway.core.sbom.release;

import io.slipway.core.audit.AuditTrail;
import io.slipway.core.common.Clock;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The release side of SBOMs for the UI and the CLI: generate, load (with the workspace's tag overrides), gate,
 * plan and publish; generation and publication (and refusals) are written to the audit trail.
 */
public final class ReleaseService {
    public static final String AUDIT_GENERATED = "sbom.generated";
    public static final String AUDIT_PUBLISHED = "sbom.published";
    public static final String AUDIT_REFUSED = "sbom.publish-refused";
    public static final String AUDIT_FAILED = "sbom.publish-failed";

    private final WorkspaceTags tags;
    private final AuditTrail audit;
    private final Clock clock;

    public ReleaseService(WorkspaceTags tags, AuditTrail audit, Clock clock) {
        this.tags = tags;
        this.audit = audit;
        this.clock = clock;
    }

    public WorkspaceTags tags() {
        return tags;
    }

    public GenerateResult generate(Path releaseSet, Path outDir) {
        ReleaseSetManifest manifest = ReleaseSetManifest.load(releaseSet);
        GenerateResult r = new SbomGenerator(clock).generate(manifest, outDir);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("releaseSet", manifest.file().toString());
        details.put("release", manifest.name() + " " + manifest.version());
        details.put("documents", r.documents().size());
        details.put("files", r.files());
        details.put("notes", r.notes());
        audit.record(AUDIT_GENERATED, r.index().toString(), details);
        return r;
    }

    /** Loads an SBOM index and its documents, with the workspace's tags on top. */
    public LoadedRelease load(Path index, Optional<Path> releaseSetOverride) {
        return SbomIndexLoader.load(index, tags.overrides(), releaseSetOverride);
    }

    public GateResult gate(LoadedRelease release, ReleasePolicy policy) {
        return ReleaseGate.evaluate(release, policy);
    }

    public ReleasePlan plan(LoadedRelease release) {
        return ReleasePlanner.plan(release);
    }

    /** Gates, plans and publishes; the audit trail gets the plan and the findings, whatever the outcome. */
    public PublishResult publish(LoadedRelease release, ReleasePolicy policy, Path out, boolean confirmOwnedSource,
                                 PublishProgress progress) {
        GateResult gate = gate(release, policy);
        ReleasePlan plan = plan(release);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("index", release.index().toString());
        details.put("release", release.name() + " " + release.version());
        details.put("policy", policy.source());
        details.put("confirmedOwnedSource", confirmOwnedSource);
        details.put("gate", gate.status().name());
        details.put("findings", gate.findings().stream().map(Finding::line).toList());
        details.put("plan", planSummary(plan));
        if (gate.blocksPublishing(confirmOwnedSource)) {
            details.put("refusal", gate.refusal(confirmOwnedSource));
            audit.record(AUDIT_REFUSED, out.toAbsolutePath().normalize().toString(), details);
        }
        try {
            PublishResult r = new Publisher(clock).publish(release, plan, gate, out, confirmOwnedSource, progress);
            details.put("files", r.files());
            details.put("bytes", r.bytes());
            audit.record(AUDIT_PUBLISHED, r.out().toString(), details);
            return r;
        } catch (ReleaseBlockedException e) {
            throw e;
        } catch (RuntimeException e) {
            details.put("error", String.valueOf(e.getMessage()));
            audit.record(AUDIT_FAILED, out.toAbsolutePath().normalize().toString(), details);
            throw e;
        }
    }

    static List<Map<String, Object>> planSummary(ReleasePlan plan) {
        return plan.entries().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("component", e.component().id());
            m.put("tier", e.tier() == null ? null : e.tier().label());
            m.put("mode", e.mode() == null ? null : e.mode().number());
            m.put("artefacts", e.summary());
            m.put("reason", e.reason());
            return m;
        }).toList();
    }
}
