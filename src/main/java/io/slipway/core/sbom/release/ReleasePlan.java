package io.slipway.core.sbom.release;

import java.util.List;

/** The preview of a publication: per component, what will be published where. Nothing is written to make it. */
public record ReleasePlan(String release, String version, List<PlanEntry> entries) {
    public int artefactCount() {
        return entries.stream().mapToInt(e -> e.artefacts().size()).sum();
    }
}
