package io.slipway.core.sbom.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.core.sbom.read.ComponentTags;
import io.slipway.core.sbom.read.SbomDocument;
import io.slipway.core.sbom.read.SbomFormat;
import io.slipway.core.sbom.read.SbomPackage;
import io.slipway.core.sbom.read.SbomReader;
import io.slipway.testsupport.SharedDir;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class SbomDiffTest {
    static final Path KUBE_PROXY_1_24 = SharedDir.spdxCorpusFile("syft-spdx-k8s.gcr.io-kube-proxy.v1.24.6.json");
    static final Path KUBE_PROXY_1_25 = SharedDir.spdxCorpusFile("syft-spdx-k8s.gcr.io-kube-proxy.v1.25.1.json");

    record Raw(String version, String declared, String concluded) {
    }

    /** name -> (version, declared, concluded), straight from the JSON; the kube-proxy files repeat no name. */
    static Map<String, Raw> raw(Path file) throws Exception {
        Map<String, Raw> out = new HashMap<>();
        for (JsonNode p : new ObjectMapper().readTree(file.toFile()).path("packages")) {
            Raw previous = out.put(p.path("name").asText(), new Raw(p.path("versionInfo").asText(null),
                    p.path("licenseDeclared").asText("NOASSERTION"), p.path("licenseConcluded").asText("NOASSERTION")));
            assertThat(previous).as("duplicate name in %s", file).isNull();
        }
        return out;
    }

    @Test
    void kubeProxyReleasesDifferAsTheRawJsonSays() throws Exception {
        Map<String, Raw> a = raw(KUBE_PROXY_1_24);
        Map<String, Raw> b = raw(KUBE_PROXY_1_25);
        long added = b.keySet().stream().filter(n -> !a.containsKey(n)).count();
        long removed = a.keySet().stream().filter(n -> !b.containsKey(n)).count();
        long versionChanged = a.keySet().stream().filter(b::containsKey)
                .filter(n -> !Objects.equals(a.get(n).version(), b.get(n).version())).count();
        long licenceChanged = a.keySet().stream().filter(b::containsKey)
                .filter(n -> !a.get(n).declared().equals(b.get(n).declared())
                        || !a.get(n).concluded().equals(b.get(n).concluded())).count();
        long unchanged = a.keySet().stream().filter(b::containsKey).filter(n -> a.get(n).equals(b.get(n))).count();

        SbomDiff diff = SbomDiff.between(SbomReader.read(KUBE_PROXY_1_24), SbomReader.read(KUBE_PROXY_1_25));
        assertThat(diff.added()).hasSize((int) added);
        assertThat(diff.removed()).hasSize((int) removed);
        assertThat(diff.versionChanged()).hasSize((int) versionChanged);
        assertThat(diff.licenceChanged()).hasSize((int) licenceChanged);
        assertThat(diff.unchanged()).isEqualTo(unchanged);
        // the two images really differ (Debian base vs distroless), so every category is exercised
        assertThat(List.of(added, removed, versionChanged, licenceChanged)).allMatch(n -> n > 0);
        assertThat(diff.versionChanged()).allSatisfy(c -> {
            assertThat(c.oldVersion()).isEqualTo(a.get(c.name()).version());
            assertThat(c.newVersion()).isEqualTo(b.get(c.name()).version());
        });
        assertThat(diff.added()).allSatisfy(c -> assertThat(c.oldVersion()).isNull());
    }

    @Test
    void sameDocumentHasNoDifferences() {
        SbomDocument d = SbomReader.read(KUBE_PROXY_1_24);
        SbomDiff diff = SbomDiff.between(d, d);
        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.unchanged()).isEqualTo(d.packages().size());
    }

    private static SbomPackage pkg(String name, String version, String licence) {
        return new SbomPackage("SPDXRef-" + name + "-" + version, name, version, null, null, licence, "NOASSERTION",
                null, "NOASSERTION", null, List.of(), List.of(), ComponentTags.NONE, 0);
    }

    private static SbomDocument doc(SbomPackage... packages) {
        return new SbomDocument(Path.of("x.json"), SbomFormat.SPDX_JSON, "test", "SPDX-2.3", "SPDXRef-DOCUMENT", "x",
                "https://x", "CC0-1.0", null, List.of(), List.of(), List.of(packages), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    @Test
    void duplicateNamesPairSameVersionsFirstThenInVersionOrder() {
        SbomDocument before = doc(pkg("golang.org/x/net", "v0.1.0", "BSD-3-Clause"),
                pkg("golang.org/x/net", "v0.2.0", "BSD-3-Clause"), pkg("golang.org/x/net", "v0.9.0", "BSD-3-Clause"),
                pkg("zlib", "1.2.13", "Zlib"));
        SbomDocument after = doc(pkg("golang.org/x/net", "v0.10.0", "BSD-3-Clause"),
                pkg("golang.org/x/net", "v0.2.0", "MIT"), pkg("zlib", "1.3.1", "Zlib"), pkg("libc", "2.36", "LGPL-2.1"));
        SbomDiff diff = SbomDiff.between(before, after);
        // v0.2.0 pairs with v0.2.0 (licence changed); newest old v0.9.0 -> newest new v0.10.0 (semver order, not
        // text order); v0.1.0 is left over: removed
        assertThat(diff.licenceChanged()).extracting(SbomDiff.Change::name, SbomDiff.Change::oldVersion,
                SbomDiff.Change::oldDeclaredLicence, SbomDiff.Change::newDeclaredLicence)
                .containsExactly(tuple("golang.org/x/net", "v0.2.0", "BSD-3-Clause", "MIT"));
        assertThat(diff.versionChanged()).extracting(SbomDiff.Change::name, SbomDiff.Change::oldVersion,
                SbomDiff.Change::newVersion).containsExactly(tuple("golang.org/x/net", "v0.9.0", "v0.10.0"),
                tuple("zlib", "1.2.13", "1.3.1"));
        assertThat(diff.removed()).extracting(SbomDiff.Change::name, SbomDiff.Change::oldVersion)
                .containsExactly(tuple("golang.org/x/net", "v0.1.0"));
        assertThat(diff.added()).extracting(SbomDiff.Change::name, SbomDiff.Change::newVersion)
                .containsExactly(tuple("libc", "2.36"));
        assertThat(diff.unchanged()).isZero();
    }
}
