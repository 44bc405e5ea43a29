package io.slipway.core.sbom.release;

import io.slipway.core.audit.AuditTrail;
import io.slipway.core.common.Clock;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.store.Jdbc;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Component tags set or overridden in the workspace (table {@code component_tag}); they win over the tags in
 * SPDX annotations. Every change is recorded in the audit trail as {@code sbom.tag-changed} with the old and new
 * value; if the trail cannot record a change, the change is undone.
 */
public final class WorkspaceTags {
    public static final String AUDIT_ACTION = "sbom.tag-changed";

    private final Jdbc jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final String who;

    public WorkspaceTags(Jdbc jdbc, AuditTrail audit, Clock clock, String who) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.who = who;
    }

    /** One stored tag. */
    public record StoredTag(String componentId, TagKey key, String value) {
    }

    /**
     * Sets {@code key} of {@code componentId} to {@code value} (checked: a valid type, mode 1-3, ...); a null or
     * blank value removes the override. Returns the old value, if any.
     */
    public synchronized Optional<String> set(String componentId, TagKey key, String value) {
        if (componentId == null || !ReleaseSetManifest.ID.matcher(componentId).matches()) {
            throw new UserFacingException("component id '" + componentId + "' is not a valid component id");
        }
        String v = value == null || value.isBlank() ? null : value.strip();
        if (v != null) {
            try {
                v = Tags.NONE.with(key, v).get(key);
            } catch (IllegalArgumentException e) {
                throw new UserFacingException("tag " + key + " of " + componentId + ": " + e.getMessage(), e);
            }
        }
        String newValue = v;
        Optional<String> old = get(componentId, key);
        if (old.equals(Optional.ofNullable(newValue))) {
            return old;
        }
        if (newValue == null) {
            jdbc.update("DELETE FROM component_tag WHERE component_id = ? AND tag = ?", componentId, key.key());
        } else {
            jdbc.update("MERGE INTO component_tag (component_id, tag, val, changed_at, changed_by) KEY (component_id, tag) "
                    + "VALUES (?, ?, ?, ?, ?)", componentId, key.key(), newValue, clock.now().atOffset(ZoneOffset.UTC), who);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tag", key.key());
        details.put("old", old.orElse(null));
        details.put("new", newValue);
        try {
            audit.record(AUDIT_ACTION, componentId, details);
        } catch (RuntimeException e) {
            // keep "every change is audited": undo the change the trail could not record
            if (old.isPresent()) {
                jdbc.update("MERGE INTO component_tag (component_id, tag, val, changed_at, changed_by) KEY "
                        + "(component_id, tag) VALUES (?, ?, ?, ?, ?)", componentId, key.key(), old.get(),
                        clock.now().atOffset(ZoneOffset.UTC), who);
            } else {
                jdbc.update("DELETE FROM component_tag WHERE component_id = ? AND tag = ?", componentId, key.key());
            }
            throw e;
        }
        return old;
    }

    public Optional<String> get(String componentId, TagKey key) {
        return jdbc.queryOne("SELECT val FROM component_tag WHERE component_id = ? AND tag = ?", rs -> rs.getString(1),
                componentId, key.key());
    }

    public List<StoredTag> all() {
        return jdbc.query("SELECT component_id, tag, val FROM component_tag ORDER BY component_id, tag",
                rs -> new StoredTag(rs.getString(1), TagKey.fromKey(rs.getString(2)).orElseThrow(), rs.getString(3)));
    }

    /** The overrides as {@link Tags} per component id, ready to stack over the SBOM's tags. */
    public Map<String, Tags> overrides() {
        Map<String, Tags> byId = new HashMap<>();
        for (StoredTag t : all()) {
            byId.merge(t.componentId(), Tags.NONE.with(t.key(), t.value()), Tags::overriddenBy);
        }
        return byId;
    }
}
