package io.slipway.gui.sbom;

import io.slipway.core.sbom.Component;
import io.slipway.core.sbom.ComponentType;
import java.util.List;

/** One tier of the release (open-source, third-party, derivative, owned) with its visible components. */
public record SbomTier(ComponentType type, List<Component> components) {
    public SbomTier {
        components = List.copyOf(components);
    }

    public String label() {
        return type.label() + " (" + components.size() + ")";
    }
}
