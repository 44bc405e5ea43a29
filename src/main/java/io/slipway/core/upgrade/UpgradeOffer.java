package io.slipway.core.upgrade;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** An upgrade offer: software ids mapped to the versions on offer. */
public record UpgradeOffer(long id, String name, Instant createdAt, Map<String, String> offered) {
    public UpgradeOffer {
        offered = new TreeMap<>(offered);
    }
}
