package io.slipway.gui.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.core.audit.AuditEvent;
import io.slipway.core.common.Json;
import io.slipway.gui.common.Formats;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An event laid out for the detail pane: named fields (details unfolded, not raw JSON) and where it links. */
public record AuditEventDetail(List<Field> fields, String hash, String prevHash, Optional<AuditLink> link) {
    /** One labelled line of the pane. */
    public record Field(String name, String value) {
    }

    public static AuditEventDetail of(AuditEvent e) {
        List<Field> f = new ArrayList<>();
        f.add(new Field("Event", "#" + e.seq()));
        f.add(new Field("Time", Formats.time(e.at()) + "  (" + e.at() + ")"));
        f.add(new Field("Who", e.whoAndWhere()));
        f.add(new Field("Action", e.action()));
        f.add(new Field("Subject", e.subject()));
        f.add(new Field("Reason", e.reason() == null ? "(none given)" : e.reason()));
        unfold(e.detailsJson(), f);
        return new AuditEventDetail(List.copyOf(f), e.hash(), e.prevHash(), AuditLink.of(e.action()));
    }

    /** The details' top-level keys as fields; nested values as compact JSON, strings without quotes. */
    private static void unfold(String json, List<Field> into) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(json);
        } catch (Exception ex) {
            into.add(new Field("Details", json));
            return;
        }
        if (n == null || !n.isObject()) {
            into.add(new Field("Details", json));
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String text;
            if (v.isValueNode()) {
                text = v.isNull() ? "-" : v.asText();
            } else if (v.isArray() && allValues(v)) {
                List<String> parts = new ArrayList<>();
                v.forEach(x -> parts.add(x.asText()));
                text = String.join(", ", parts);
            } else {
                text = v.toString();
            }
            into.add(new Field(e.getKey(), text));
        }
    }

    private static boolean allValues(JsonNode array) {
        for (JsonNode x : array) {
            if (!x.isValueNode()) {
                return false;
            }
        }
        return true;
    }
}
