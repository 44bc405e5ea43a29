package io.slipway.core.audit;

import io.slipway.core.store.Jdbc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which audit events to show or export; every part is optional (null = any).
 *
 * @param since   events at or after this instant
 * @param until   events before this instant
 * @param action  a group name ({@link ActionGroup}: deploy, upgrade, release, inventory, registry, workspace), an
 *                action prefix ending in {@code *} ({@code deploy.node.*}) or one exact action
 * @param subject the subject starts with this text (exact case; uses the subject index)
 * @param who     the OS user, or {@code user@host}
 * @param text    text found in the subject, details or reason (case-insensitive)
 */
public record AuditFilter(Instant since, Instant until, String action, String subject, String who, String text) {
    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);

    public AuditFilter {
        action = blankToNull(action);
        subject = blankToNull(subject);
        who = blankToNull(who);
        text = blankToNull(text);
    }

    public boolean isAll() {
        return equals(ALL);
    }

    public AuditFilter withText(String t) {
        return new AuditFilter(since, until, action, subject, who, t);
    }

    /** The SQL condition (never empty) and its parameters, appended to {@code params}. */
    String where(List<Object> params) {
        List<String> parts = new ArrayList<>();
        if (since != null) {
            parts.add("at >= ?");
            params.add(Jdbc.utc(since));
        }
        if (until != null) {
            parts.add("at < ?");
            params.add(Jdbc.utc(until));
        }
        if (action != null) {
            var group = ActionGroup.named(action);
            if (group.isPresent()) {
                List<String> ors = new ArrayList<>();
                for (String p : group.get().prefixes()) {
                    ors.add("action LIKE ?");
                    params.add(p + "%");
                }
                parts.add("(" + String.join(" OR ", ors) + ")");
            } else if (action.endsWith("*")) {
                parts.add("action LIKE ?");
                params.add(escapeLike(action.substring(0, action.length() - 1)) + "%");
            } else {
                parts.add("action = ?");
                params.add(action);
            }
        }
        if (subject != null) {
            parts.add("subject LIKE ?");
            params.add(escapeLike(subject) + "%");
        }
        if (who != null) {
            int at = who.indexOf('@');
            if (at > 0) {
                parts.add("who = ? AND host = ?");
                params.add(who.substring(0, at));
                params.add(who.substring(at + 1));
            } else {
                parts.add("who = ?");
                params.add(who);
            }
        }
        if (text != null) {
            String like = "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
            parts.add("(LOWER(subject) LIKE ? OR LOWER(CAST(details AS VARCHAR)) LIKE ? OR LOWER(reason) LIKE ?)");
            params.add(like);
            params.add(like);
            params.add(like);
        }
        return parts.isEmpty() ? "TRUE" : String.join(" AND ", parts);
    }

    /** The filter as written into exports (only the parts that are set). */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        if (since != null) {
            m.put("since", since.toString());
        }
        if (until != null) {
            m.put("until", until.toString());
        }
        putIf(m, "action", action);
        putIf(m, "subject", subject);
        putIf(m, "who", who);
        putIf(m, "text", text);
        return m;
    }

    private static void putIf(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
