package io.slipway.core.registry;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an image's config blob says about the image (the parts a release engineer looks at).
 *
 * @param read     false when the config was not read (an artifact whose config is not an image config)
 * @param labels   the image labels ({@code config.Labels}), sorted by name
 */
public record ImageConfig(boolean read, Optional<Instant> created, Optional<Platform> platform,
                          Map<String, String> labels) {
    /** For a manifest whose config is not an image config: nothing known. */
    public static final ImageConfig NOT_READ = new ImageConfig(false, Optional.empty(), Optional.empty(), Map.of());

    public ImageConfig {
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }
}
