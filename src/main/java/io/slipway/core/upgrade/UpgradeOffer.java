package io.slipway.core.upgrade;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * An upgrade offer: software ids mapped to the versions on offer. {@code source} says where it came from (a file, typed
 * {@code --set} pairs, an SBOM index with its release name and version); null for offers older than that record.
 */
public record UpgradeOffer(long id, String name, Instant createdAt, Map<String, String> offered, String source) {
    public UpgradeOffer {
        offered = new TreeMap<>(offered);
    }

    public UpgradeOffer(long id, String name, Instant createdAt, Map<String, String> offered) {
        this(id, name, createdAt, offered, null);
    }
}
