package io.slipway.core.sbom.release;

import io.slipway.core.common.UserFacingException;
import io.slipway.core.sbom.ComponentType;
import io.slipway.core.sbom.ReleaseMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works out what a release publishes, per component and mode: 1 = SPDX + source + binaries, 2 = SPDX + binaries,
 * 3 = SPDX only; licence files go with the source and the binaries. A derivative in mode 1 also publishes its
 * native, per the native's own mode. Layout: {@code <tier>/<name>-<version>/{spdx,source,binary}/...}.
 */
public final class ReleasePlanner {
    private ReleasePlanner() {
    }

    public static ReleasePlan plan(LoadedRelease release) {
        Map<String, List<String>> pulledInBy = new HashMap<>();
        for (ReleaseComponent c : release.components()) {
            if (c.tags().type() == ComponentType.DERIVATIVE && c.tags().mode() == ReleaseMode.FULL
                    && c.tags().nativeId() != null) {
                pulledInBy.computeIfAbsent(c.tags().nativeId(), k -> new ArrayList<>()).add(c.id());
            }
        }
        List<ReleaseComponent> ordered = new ArrayList<>(release.components());
        ordered.sort(Comparator.comparing((ReleaseComponent c) -> c.tags().type() == null ? 99 : c.tags().type().ordinal())
                .thenComparing(ReleaseComponent::name).thenComparing(ReleaseComponent::version));
        List<PlanEntry> entries = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        for (ReleaseComponent c : ordered) {
            PlanEntry e = entry(release, c, pulledInBy.getOrDefault(c.id(), List.of()));
            for (Artefact a : e.artefacts()) {
                if (!targets.add(a.target())) {
                    throw new UserFacingException(release.index() + ": two components would publish " + a.target()
                            + " (names and versions must be unique per tier)");
                }
            }
            entries.add(e);
        }
        return new ReleasePlan(release.name(), release.version(), List.copyOf(entries));
    }

    private static PlanEntry entry(LoadedRelease release, ReleaseComponent c, List<String> pulledInBy) {
        ComponentType tier = c.tags().type();
        ReleaseMode mode = c.tags().mode();
        if (tier == null || mode == null) {
            return new PlanEntry(c.toComponent(), tier, mode, null, List.of(), "not publishable: the "
                    + (tier == null ? "type" : "mode") + " tag is missing (set it in the workspace or the SBOM)",
                    pulledInBy);
        }
        String folder = tier.label() + "/" + c.folderName();
        List<Artefact> artefacts = new ArrayList<>();
        artefacts.add(new Artefact(Artefact.Kind.SPDX, folder + "/spdx/" + c.folderName() + ".spdx.json",
                c.document(), null));
        Optional<ReleaseSetManifest.Entry> onDisk = release.releaseSet().flatMap(rs -> rs.components().stream()
                .filter(m -> m.id().equals(c.id())).findFirst());
        boolean source = mode == ReleaseMode.FULL;
        boolean binary = mode == ReleaseMode.FULL || mode == ReleaseMode.BINARY;
        Set<String> sourceNames = new HashSet<>();
        Set<String> binaryNames = new HashSet<>();
        for (ComponentFile f : c.files()) {
            if (f.kind() == ComponentFile.Kind.SOURCE && source) {
                sourceNames.add(f.relativePath());
                artefacts.add(new Artefact(Artefact.Kind.SOURCE, folder + "/source/" + f.relativePath(),
                        onDisk.map(m -> SafePaths.resolveInside(m.sourceDir(), f.relativePath(), "file")).orElse(null),
                        f.sha256()));
            } else if (f.kind() == ComponentFile.Kind.BINARY && binary) {
                binaryNames.add(f.relativePath());
                artefacts.add(new Artefact(Artefact.Kind.BINARY, folder + "/binary/" + f.relativePath(),
                        onDisk.flatMap(m -> m.binaryDir().map(b -> SafePaths.resolveInside(b, f.relativePath(), "file")))
                                .orElse(null), f.sha256()));
            }
        }
        for (ComponentFile f : c.files()) {
            if (f.kind() != ComponentFile.Kind.LICENCE) {
                continue;
            }
            Path from = onDisk.map(m -> m.sourceDir().getParent())
                    .map(dir -> SafePaths.resolveInside(dir, f.relativePath(), "licence file")).orElse(null);
            if (source && !sourceNames.contains(f.relativePath())) {
                artefacts.add(new Artefact(Artefact.Kind.LICENCE, folder + "/source/" + f.relativePath(), from,
                        f.sha256()));
            }
            if (binary && !binaryNames.contains(f.relativePath())) {
                artefacts.add(new Artefact(Artefact.Kind.LICENCE, folder + "/binary/" + f.relativePath(), from,
                        f.sha256()));
            }
        }
        return new PlanEntry(c.toComponent(), tier, mode, folder, List.copyOf(artefacts),
                reason(release, c, tier, mode, pulledInBy), List.copyOf(pulledInBy));
    }

    private static String reason(LoadedRelease release, ReleaseComponent c, ComponentType tier, ReleaseMode mode,
                                 List<String> pulledInBy) {
        StringBuilder sb = new StringBuilder(tier.label()).append(", mode ").append(mode.number()).append(": ")
                .append(mode.description());
        if (mode == ReleaseMode.SPDX_ONLY) {
            sb.append(" (consumers fetch ").append(c.tags().sourceId() != null ? c.tags().sourceId()
                    : c.name() + "@" + c.version()).append(" upstream)");
        }
        if (tier == ComponentType.DERIVATIVE && c.tags().nativeId() != null) {
            Optional<ReleaseComponent> nat = release.byId(c.tags().nativeId());
            if (mode == ReleaseMode.FULL) {
                sb.append("; also publishes its native ").append(c.tags().nativeId())
                        .append(nat.map(n -> n.tags().mode() == null ? "" : " per the native's own mode "
                                + n.tags().mode().number()).orElse(" (not in this release)"));
            } else {
                sb.append("; derivative of ").append(c.tags().nativeId());
            }
        }
        if (!pulledInBy.isEmpty()) {
            sb.append("; native of ").append(String.join(", ", pulledInBy))
                    .append(" (mode 1), published per its own mode ").append(mode.number());
        }
        return sb.toString();
    }
}
