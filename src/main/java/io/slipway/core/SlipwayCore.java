package io.slipway.core;

import io.slipway.core.audit.AuditTrail;
import io.slipway.core.common.Clock;
import io.slipway.core.deploy.DeployRepository;
import io.slipway.core.deploy.DeployService;
import io.slipway.core.inventory.NodeInventory;
import io.slipway.core.inventory.NodeRepository;
import io.slipway.core.registry.Registries;
import io.slipway.core.sample.SampleImporter;
import io.slipway.core.sample.SampleSource;
import io.slipway.core.sbom.ComponentRepository;
import io.slipway.core.sbom.release.ReleaseService;
import io.slipway.core.sbom.release.WorkspaceTags;
import io.slipway.core.store.Jdbc;
import io.slipway.core.store.Settings;
import io.slipway.core.store.Workspace;
import io.slipway.core.upgrade.UpgradeRepository;
import io.slipway.core.upgrade.UpgradeRunStore;
import io.slipway.core.upgrade.UpgradeService;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The composition root of the core: an open workspace and the services built on it. The UI and the CLI each
 * get one of these and hand its parts to whatever they construct; nothing looks services up globally.
 */
public final class SlipwayCore implements AutoCloseable {
    private final Workspace workspace;
    private final Settings settings;
    private final AuditTrail audit;
    private final NodeRepository nodes;
    private final UpgradeRepository upgrades;
    private final DeployRepository deploys;
    private final ComponentRepository components;
    private final Registries registries;
    private final WorkspaceTags componentTags;
    private final ReleaseService sbomRelease;
    private final NodeInventory inventory;
    private final DeployService deployService;
    private final UpgradeService upgradeService;

    private SlipwayCore(Workspace workspace, Clock clock, String user) {
        this.workspace = workspace;
        Jdbc jdbc = workspace.jdbc();
        this.settings = new Settings(jdbc);
        this.audit = new AuditTrail(jdbc, clock, user);
        this.nodes = new NodeRepository(jdbc);
        this.upgrades = new UpgradeRepository(jdbc);
        this.deploys = new DeployRepository(jdbc);
        this.components = new ComponentRepository(jdbc);
        this.registries = new Registries(jdbc, workspace.directory(), audit, clock);
        this.componentTags = new WorkspaceTags(jdbc, audit, clock, user);
        this.sbomRelease = new ReleaseService(componentTags, audit, clock);
        this.inventory = new NodeInventory(nodes, audit, clock);
        this.deployService = new DeployService(deploys, nodes, audit, clock);
        this.upgradeService = new UpgradeService(upgrades, new UpgradeRunStore(jdbc), nodes, deployService, deploys,
                jdbc, audit, clock);
    }

    /**
     * Opens the workspace in {@code dir}. A workspace created by this call is seeded from {@code sampleForNew}
     * when one is given; an existing workspace is never re-seeded.
     */
    public static SlipwayCore open(Path dir, Optional<SampleSource> sampleForNew) {
        Workspace ws = Workspace.open(dir);
        SlipwayCore core = new SlipwayCore(ws, Clock.SYSTEM, AuditTrail.osUser());
        try {
            if (ws.wasCreated()) {
                core.audit.record("workspace.created", ws.directory().toString(),
                        Map.of("schemaVersion", Workspace.SCHEMA_VERSION));
                sampleForNew.ifPresent(core::importSample);
            } else {
                // a deploy still RUNNING here was cut short when Slipway stopped (the workspace lock rules out another)
                core.deployService.recoverInterrupted();
                core.upgradeService.recoverInterrupted();
            }
            return core;
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
    }

    public SampleImporter.Summary importSample(SampleSource source) {
        return new SampleImporter(nodes, upgrades, deploys, components, audit).importFrom(source);
    }

    public Workspace workspace() {
        return workspace;
    }

    public Settings settings() {
        return settings;
    }

    public AuditTrail audit() {
        return audit;
    }

    public NodeRepository nodes() {
        return nodes;
    }

    /** Add/edit/remove nodes (audited) and refresh them concurrently. */
    public NodeInventory inventory() {
        return inventory;
    }

    /** Starts, aborts and retries deploys over nodes. */
    public DeployService deployService() {
        return deployService;
    }

    /** Upgrade offers, plans, runs (start, resume, retry, abort) and history. */
    public UpgradeService upgradeService() {
        return upgradeService;
    }

    public UpgradeRepository upgrades() {
        return upgrades;
    }

    public DeployRepository deploys() {
        return deploys;
    }

    public ComponentRepository components() {
        return components;
    }

    /** Registries ("master servers"): configuration, sealed credentials, browsing, and the deploy's access seam. */
    public Registries registries() {
        return registries;
    }

    /** Component tags set or overridden in the workspace (they win over SPDX annotations). */
    public WorkspaceTags componentTags() {
        return componentTags;
    }

    /** SBOM release side: generate, gate, plan, publish. */
    public ReleaseService sbomRelease() {
        return sbomRelease;
    }

    @Override
    public void close() {
        workspace.close();
    }
}
