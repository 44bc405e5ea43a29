package io.slipway.core.sbom.diff;

import io.slipway.core.common.Versions;
import io.slipway.core.sbom.read.SbomDocument;
import io.slipway.core.sbom.read.SbomPackage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What changed between two SBOMs, component by component, keyed by package name.
 *
 * <p>Duplicates by name (a document may hold {@code golang.org/x/net} at two versions): per name, packages with
 * the same version on both sides pair up first (unchanged, or licence changed). The rest, sorted by version
 * ({@link Versions#ORDER}), pair up from the newest down as version changes (newest old with newest new); what
 * is left over on the old side is removed, on the new side added. So {1.0, 2.0} to {2.0, 3.0} is one version
 * change 1.0 to 3.0 and 2.0 unchanged; {1.0, 2.0} to {2.1} is 2.0 to 2.1 and 1.0 removed. Packages without a name are ignored (the readers refuse none, but CycloneDX
 * may have them).
 *
 * <p>A licence change compares declared and concluded licence text (after trimming); a pair can be both a
 * version change and a licence change, and is then listed in both.
 */
public record SbomDiff(List<Change> added, List<Change> removed, List<Change> versionChanged,
                       List<Change> licenceChanged, int unchanged) {
    public SbomDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        versionChanged = List.copyOf(versionChanged);
        licenceChanged = List.copyOf(licenceChanged);
    }

    /**
     * One component's change. Added: only the {@code new*} fields are set; removed: only {@code old*}.
     */
    public record Change(String name, String oldVersion, String newVersion, String oldDeclaredLicence,
                         String newDeclaredLicence, String oldConcludedLicence, String newConcludedLicence) {
        static Change of(SbomPackage a, SbomPackage b) {
            return new Change(a != null ? a.name() : b.name(), a == null ? null : a.version(),
                    b == null ? null : b.version(), a == null ? null : a.declaredLicence(),
                    b == null ? null : b.declaredLicence(), a == null ? null : a.concludedLicence(),
                    b == null ? null : b.concludedLicence());
        }
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && versionChanged.isEmpty() && licenceChanged.isEmpty();
    }

    public static SbomDiff between(SbomDocument before, SbomDocument after) {
        Map<String, List<SbomPackage>> a = byName(before.packages());
        Map<String, List<SbomPackage>> b = byName(after.packages());
        List<Change> added = new ArrayList<>();
        List<Change> removed = new ArrayList<>();
        List<Change> versionChanged = new ArrayList<>();
        List<Change> licenceChanged = new ArrayList<>();
        int unchanged = 0;
        TreeMap<String, Boolean> names = new TreeMap<>();
        a.keySet().forEach(n -> names.put(n, true));
        b.keySet().forEach(n -> names.put(n, true));
        for (String name : names.keySet()) {
            List<SbomPackage> olds = new ArrayList<>(a.getOrDefault(name, List.of()));
            List<SbomPackage> news = new ArrayList<>(b.getOrDefault(name, List.of()));
            // same version on both sides first
            for (int i = 0; i < olds.size(); i++) {
                SbomPackage o = olds.get(i);
                for (int j = 0; j < news.size(); j++) {
                    SbomPackage n = news.get(j);
                    if (Objects.equals(o.version(), n.version())) {
                        if (licenceDiffers(o, n)) {
                            licenceChanged.add(Change.of(o, n));
                        } else {
                            unchanged++;
                        }
                        olds.remove(i--);
                        news.remove(j);
                        break;
                    }
                }
            }
            Comparator<SbomPackage> byVersion = Comparator.comparing(p -> p.version() == null ? "" : p.version(),
                    Versions.ORDER);
            olds.sort(byVersion.reversed());
            news.sort(byVersion.reversed());
            int pairs = Math.min(olds.size(), news.size());
            for (int i = 0; i < pairs; i++) {
                Change c = Change.of(olds.get(i), news.get(i));
                versionChanged.add(c);
                if (licenceDiffers(olds.get(i), news.get(i))) {
                    licenceChanged.add(c);
                }
            }
            for (int i = olds.size() - 1; i >= pairs; i--) {
                removed.add(Change.of(olds.get(i), null));
            }
            for (int i = news.size() - 1; i >= pairs; i--) {
                added.add(Change.of(null, news.get(i)));
            }
        }
        return new SbomDiff(added, removed, versionChanged, licenceChanged, unchanged);
    }

    private static Map<String, List<SbomPackage>> byName(List<SbomPackage> packages) {
        Map<String, List<SbomPackage>> out = new TreeMap<>();
        for (SbomPackage p : packages) {
            if (p.name() != null) {
                out.computeIfAbsent(p.name(), k -> new ArrayList<>(1)).add(p);
            }
        }
        return out;
    }

    private static boolean licenceDiffers(SbomPackage a, SbomPackage b) {
        return !norm(a.declaredLicence()).equals(norm(b.declaredLicence()))
                || !norm(a.concludedLicence()).equals(norm(b.concludedLicence()));
    }

    private static String norm(String licence) {
        return licence == null ? "NOASSERTION" : licence.strip();
    }
}
