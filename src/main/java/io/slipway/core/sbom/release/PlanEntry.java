package io.slipway.core.sbom.release;

import io.slipway.core.sbom.Component;
import io.slipway.core.sbom.ComponentType;
import io.slipway.core.sbom.ReleaseMode;
import java.util.List;

/**
 * What a release publishes of one component: its tier (type) and mode, the artefacts and why. {@code pulledInBy}
 * lists the mode-1 derivatives whose native this component is (it is then published per its own mode).
 */
public record PlanEntry(Component component, ComponentType tier, ReleaseMode mode, String folder,
                        List<Artefact> artefacts, String reason, List<String> pulledInBy) {

    public long count(Artefact.Kind kind) {
        return artefacts.stream().filter(a -> a.kind() == kind).count();
    }

    /** Short form for lists: "spdx", "spdx + source(3) + binary(1)". */
    public String summary() {
        StringBuilder sb = new StringBuilder("spdx");
        if (count(Artefact.Kind.SOURCE) > 0) {
            sb.append(" + source(").append(count(Artefact.Kind.SOURCE)).append(')');
        }
        if (count(Artefact.Kind.BINARY) > 0) {
            sb.append(" + binary(").append(count(Artefact.Kind.BINARY)).append(')');
        }
        if (count(Artefact.Kind.LICENCE) > 0) {
            sb.append(" + licence(").append(count(Artefact.Kind.LICENCE)).append(')');
        }
        return sb.toString();
    }
}
