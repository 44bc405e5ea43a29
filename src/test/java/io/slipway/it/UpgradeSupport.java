package io.slipway.it;

import io.slipway.core.engine.SlipwayLabels;
import io.slipway.core.upgrade.OfferSources;
import io.slipway.core.upgrade.UpgradeEvent;
import io.slipway.core.upgrade.UpgradeOffer;
import io.slipway.core.upgrade.UpgradeRequest;
import io.slipway.core.upgrade.UpgradeRun;
import io.slipway.core.upgrade.UpgradeSummary;
import io.slipway.core.upgrade.UpgradeTargetRecord;
import io.slipway.core.upgrade.WavePlan;
import io.slipway.core.inventory.Node;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Upgrade fixtures: build environments whose run-command keeps running and passes its health command, exits after a
 * few seconds, fails its health command, or is absent; and a way to run an upgrade and see its events.
 */
final class UpgradeSupport {
    /** Watch window of the tests: short, but long enough for a health command to pass twice. */
    static final Duration WATCH = Duration.ofSeconds(5);

    /** The run-command starts the new build (its program, from the build output) and keeps running. */
    static Map<String, String> healthy(String software) {
        return Map.of(SlipwayLabels.ENV_RUN_COMMAND, "bin/" + software + " > /tmp/greeting; exec sleep 3600",
                SlipwayLabels.ENV_HEALTH_COMMAND, "grep -q 'hello from " + software + "' /tmp/greeting");
    }

    /** Runs the new build, then exits with 3 after two seconds. */
    static Map<String, String> exitsSoon(String software) {
        return Map.of(SlipwayLabels.ENV_RUN_COMMAND, "bin/" + software + "; sleep 2; exit 3");
    }

    /** Keeps running, but its health command fails. */
    static Map<String, String> failingHealth(String software) {
        return Map.of(SlipwayLabels.ENV_RUN_COMMAND, "exec sleep 3600",
                SlipwayLabels.ENV_HEALTH_COMMAND, "echo 'port 8080 refused' >&2; exit 1");
    }

    private UpgradeSupport() {
    }

    static UpgradeOffer offer(DeploySupport s, String name, Map<String, String> offered) {
        return s.core.upgradeService().addOffer(new OfferSources.Draft(name, offered, "test"));
    }

    static UpgradeRequest request(UpgradeOffer offer, List<Node> nodes, String waves) {
        return UpgradeRequest.of(offer, nodes).withWaves(WavePlan.parse(waves)).withWatch(WATCH).withParallelism(3);
    }

    static UpgradeSummary run(DeploySupport s, UpgradeRequest request, Consumer<UpgradeEvent> onEvent)
            throws Exception {
        UpgradeRun run = s.core.upgradeService().start(request, s.registry(), s.pool, onEvent::accept);
        return run.await(Duration.ofMinutes(10));
    }

    static UpgradeTargetRecord target(UpgradeSummary s, String node, String software) {
        return s.targets().stream().filter(t -> t.node().equals(node) && t.software().equals(software)).findFirst()
                .orElseThrow(() -> new AssertionError("no target " + node + "/" + software + " in " + describe(s)));
    }

    static String describe(UpgradeSummary s) {
        StringBuilder sb = new StringBuilder("upgrade run " + s.runId() + " " + s.state() + " (" + s.line() + ")");
        if (s.pauseReason() != null) {
            sb.append("\n  paused: ").append(s.pauseReason());
        }
        for (UpgradeTargetRecord t : s.targets()) {
            sb.append("\n  ").append(t.key()).append(" wave ").append(t.wave()).append(' ').append(t.phase())
                    .append(' ').append(t.upgradeStatus()).append('/').append(t.runStatus()).append(' ')
                    .append(t.action()).append(": ").append(t.detail())
                    .append(t.evidence() == null ? "" : " | " + t.evidence().summary());
        }
        return sb.toString();
    }

    /** Node name → installed software as the node's engine reports it now (the probe). */
    static Map<String, String> probe(DeploySupport s, String node) {
        Node n = s.nodes().stream().filter(x -> x.name().equals(node)).findFirst().orElseThrow();
        try (var engine = io.slipway.core.engine.EngineClient.connect(n.engineEndpoint(),
                io.slipway.core.engine.EngineTimeouts.PROBE)) {
            return engine.installedSoftware();
        }
    }

}
