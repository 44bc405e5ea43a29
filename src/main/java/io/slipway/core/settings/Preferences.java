package io.slipway.core.settings;

import io.slipway.core.audit.AuditTrail;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.store.Jdbc;
import io.slipway.core.store.Settings;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and changes the user's preferences in the workspace. A change is checked first (bad values are refused,
 * naming the setting, and nothing is stored), then stored together with its {@code setting.changed} audit event.
 */
public final class Preferences {
    private final Settings settings;
    private final AuditTrail audit;

    public Preferences(Settings settings, AuditTrail audit) {
        this.settings = settings;
        this.audit = audit;
    }

    /** The stored value, or the default when none is stored or the stored one is no longer allowed. */
    public String get(Preference p) {
        return settings.get(p.key()).filter(v -> p.check(v).isEmpty()).orElse(p.defaultValue());
    }

    public int getInt(Preference p) {
        return Integer.parseInt(get(p));
    }

    public boolean getBoolean(Preference p) {
        return Boolean.parseBoolean(get(p));
    }

    public Map<Preference, String> all() {
        Map<Preference, String> out = new EnumMap<>(Preference.class);
        for (Preference p : Preference.values()) {
            out.put(p, get(p));
        }
        return out;
    }

    /** Stores {@code value} (trimmed) and audits the change; true if it changed anything. */
    public boolean set(Preference p, String value) {
        return setAll(Map.of(p, value)) > 0;
    }

    /**
     * Checks every value first, then stores the changed ones with one audit event each, in one transaction: either
     * all are stored or none. Returns how many changed.
     */
    public int setAll(Map<Preference, String> values) {
        List<String> problems = values.entrySet().stream()
                .flatMap(e -> e.getKey().check(e.getValue()).stream()).toList();
        if (!problems.isEmpty()) {
            throw new UserFacingException(String.join("; ", problems));
        }
        Map<Preference, String> changed = new EnumMap<>(Preference.class);
        values.forEach((p, v) -> {
            if (!get(p).equals(v.trim())) {
                changed.put(p, v.trim());
            }
        });
        List<AuditTrail.Entry> events = changed.entrySet().stream().map(e -> AuditTrail.Entry.of("setting.changed",
                e.getKey().key(), Map.of("from", get(e.getKey()), "to", e.getValue()))).toList();
        audit.inTransactionWith(events, c -> {
            for (Map.Entry<Preference, String> e : changed.entrySet()) {
                Jdbc.update(c, Settings.MERGE, e.getKey().key(), e.getValue());
            }
            return null;
        });
        return changed.size();
    }
}
