package io.slipway.gui.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last reason typed per kind of action ("node", "deploy", "publish", ...), offered again in that kind's next
 * dialog: a series of changes for one ticket is typed once. Kept for the console session.
 */
public final class ReasonMemory {
    public static final ReasonMemory SESSION = new ReasonMemory();

    private final Map<String, String> lastByKind = new ConcurrentHashMap<>();

    public String last(String kind) {
        return lastByKind.getOrDefault(kind, "");
    }

    public void remember(String kind, String reason) {
        if (reason == null || reason.isBlank()) {
            lastByKind.remove(kind);
        } else {
            lastByKind.put(kind, reason.strip());
        }
    }
}
