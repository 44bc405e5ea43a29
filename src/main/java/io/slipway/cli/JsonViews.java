package io.slipway.cli;

import io.slipway.core.audit.AuditEvent;
import io.slipway.core.common.Json;
import io.slipway.core.deploy.DeploySummary;
import io.slipway.core.deploy.NodeOutcome;
import io.slipway.core.inventory.Node;
import io.slipway.core.registry.ManifestInfo;
import io.slipway.core.registry.RegistryConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code --json} prints: explicit fields (never a whole record, so nothing secret or internal slips out),
 * times as ISO-8601 strings, durations in milliseconds. A script may rely on these names.
 */
final class JsonViews {
    private JsonViews() {
    }

    static String write(Object value) {
        return Json.write(value);
    }

    static Map<String, Object> node(Node n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", n.name());
        m.put("endpoint", n.endpoint());
        m.put("tlsCertDir", n.tlsCertDir());
        m.put("groups", n.groups());
        m.put("labels", n.labels());
        m.put("notes", n.notes());
        m.put("status", n.status().name());
        m.put("statusReason", n.statusReason());
        m.put("engineKind", n.engineKind());
        m.put("engineVersion", n.engineVersion());
        m.put("apiVersion", n.apiVersion());
        m.put("osArch", n.osArch());
        m.put("cpus", n.cpus());
        m.put("memoryBytes", n.memoryBytes());
        m.put("installed", n.installed());
        m.put("lastSeen", text(n.lastSeen()));
        m.put("lastProbeAt", text(n.lastProbeAt()));
        return m;
    }

    static Map<String, Object> registry(RegistryConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("url", c.url().toString());
        m.put("user", c.user().orElse(null));
        m.put("hasCredentials", c.hasCredentials());
        m.put("ownCa", c.ca().isPresent());
        m.put("plainHttp", c.plainHttp());
        m.put("skipTlsVerify", c.skipTlsVerify());
        m.put("warnings", c.warnings());
        return m;
    }

    static Map<String, Object> tag(String tag, ManifestInfo mi) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tag", tag);
        m.put("digest", mi.digest());
        m.put("mediaType", mi.mediaType());
        m.put("size", mi.imageSize() < 0 ? null : mi.imageSize());
        m.put("labels", mi.labels());
        return m;
    }

    static Map<String, Object> auditEvent(AuditEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("at", text(e.at()));
        m.put("who", e.who());
        m.put("action", e.action());
        m.put("subject", e.subject());
        m.put("details", details(e.detailsJson()));
        m.put("hash", e.hash());
        return m;
    }

    static Map<String, Object> deploySummary(DeploySummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deploy", s.deployId());
        m.put("id", s.uid());
        m.put("software", s.software());
        m.put("version", s.version());
        m.put("state", s.state().name());
        m.put("durationMs", millis(s.duration()));
        Map<String, Integer> counts = new LinkedHashMap<>();
        s.counts().forEach((state, n) -> counts.put(state.name(), n));
        m.put("counts", counts);
        m.put("nodes", s.nodes().stream().map(JsonViews::outcome).toList());
        return m;
    }

    private static Map<String, Object> outcome(NodeOutcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", o.node());
        m.put("state", o.state().name());
        m.put("detail", o.detail());
        m.put("failedStep", o.failedStep() == null ? null : o.failedStep().name());
        m.put("retryable", o.retryable());
        m.put("envImage", o.envImage());
        m.put("envDigest", o.envDigest());
        m.put("softwareImage", o.softwareImage());
        m.put("softwareDigest", o.softwareDigest());
        m.put("startedAt", text(o.startedAt()));
        m.put("durationMs", millis(o.duration()));
        return m;
    }

    /** The event's details as JSON, not as a string holding JSON; as stored when that is not JSON. */
    private static Object details(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json;
        }
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    private static Long millis(Duration d) {
        return d == null ? null : d.toMillis();
    }
}
