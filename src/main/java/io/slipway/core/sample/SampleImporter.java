package io.slipway.core.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.core.audit.AuditTrail;
import io.slipway.core.common.Json;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.deploy.DeployRecord;
import io.slipway.core.deploy.DeployRepository;
import io.slipway.core.deploy.DeployState;
import io.slipway.core.deploy.NodeDeployRecord;
import io.slipway.core.inventory.NodeRepository;
import io.slipway.core.sbom.Component;
import io.slipway.core.sbom.ComponentRepository;
import io.slipway.core.sbom.ComponentType;
import io.slipway.core.sbom.ReleaseMode;
import io.slipway.core.upgrade.UpgradeRepository;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Fills a fresh workspace from a sample: fleet, upgrade offer, deploy history and release-set components.
 * Everything is parsed and checked before the first row is written, so a bad sample stores nothing.
 */
public final class SampleImporter {
    static final String RELEASE_SET = "release-set/release-set.json";
    private static final ObjectMapper READER = Json.MAPPER.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final NodeRepository nodes;
    private final UpgradeRepository upgrades;
    private final DeployRepository deploys;
    private final ComponentRepository components;
    private final AuditTrail audit;

    public SampleImporter(NodeRepository nodes, UpgradeRepository upgrades, DeployRepository deploys,
                          ComponentRepository components, AuditTrail audit) {
        this.nodes = nodes;
        this.upgrades = upgrades;
        this.deploys = deploys;
        this.components = components;
        this.audit = audit;
    }

    /** What was imported, for the caller's message. */
    public record Summary(int nodes, int offers, int deploys, int components) {
    }

    public Summary importFrom(SampleSource source) {
        SampleFiles.Fleet fleet = read(source, "fleet.json", SampleFiles.Fleet.class);
        SampleFiles.Offer offer = read(source, "upgrade-offer.json", SampleFiles.Offer.class);
        SampleFiles.Deploys history = read(source, "deploys.json", SampleFiles.Deploys.class);
        SampleFiles.ReleaseSet releaseSet = read(source, RELEASE_SET, SampleFiles.ReleaseSet.class);
        List<Component> parts = releaseSet.components().stream().map(c -> toComponent(source, c)).toList();
        List<DeployRecord> records = history.deploys().stream().map(d -> toRecord(source, d)).toList();
        Instant offerAt = instant(source, "upgrade-offer.json", "createdAt", offer.createdAt());

        for (SampleFiles.FleetNode n : fleet.nodes()) {
            nodes.add(n.name(), n.endpoint(), n.groups(), n.notes(), n.installed());
        }
        upgrades.add(offer.name(), offerAt, offer.offered());
        records.forEach(deploys::add);
        parts.forEach(components::save);
        Summary summary = new Summary(fleet.nodes().size(), 1, records.size(), parts.size());
        audit.record("workspace.sample-imported", source.describe(), Map.of("nodes", summary.nodes(),
                "offers", summary.offers(), "deploys", summary.deploys(), "components", summary.components()));
        return summary;
    }

    private static <T> T read(SampleSource source, String name, Class<T> type) {
        try (InputStream in = source.open(name)) {
            return READER.readValue(in, type);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new UserFacingException(source.describe() + ": " + name + where + " is not valid: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UserFacingException(source.describe() + ": cannot read " + name + " (" + e.getMessage() + ")", e);
        }
    }

    private static Component toComponent(SampleSource source, SampleFiles.ReleaseSetComponent c) {
        try {
            return new Component(c.id(), c.name(), c.version(), ComponentType.fromLabel(c.type()),
                    ReleaseMode.of(c.mode()), c.nativeId(), c.supplier(), c.licence(), c.licence(), c.copyright());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(source.describe() + ": " + RELEASE_SET + ", component '" + c.id() + "': "
                    + e.getMessage(), e);
        }
    }

    private static DeployRecord toRecord(SampleSource source, SampleFiles.SampleDeploy d) {
        List<NodeDeployRecord> perNode = d.nodes().stream().map(n -> new NodeDeployRecord(n.node(), n.state(),
                n.detail(), n.envImage(), n.envDigest(), n.softwareImage(), n.softwareDigest(), n.durationMs())).toList();
        return new DeployRecord(0, d.software(), d.version(), d.forced(), DeployState.valueOf(d.state()),
                instant(source, "deploys.json", "startedAt", d.startedAt()),
                d.finishedAt() == null ? null : instant(source, "deploys.json", "finishedAt", d.finishedAt()), perNode);
    }

    private static Instant instant(SampleSource source, String file, String field, String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            throw new UserFacingException(source.describe() + ": " + file + ", field " + field + ": '" + text
                    + "' is not an ISO-8601 instant such as 2026-11-02T08:00:00Z", e);
        }
    }
}
