package io.slipway.core.sbom.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.testsupport.SharedDir;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming reader against spdx-java-library on every SPDX JSON in the shared corpus (and the hand-written
 * fixture with tags, licence expressions, documentDescribes and hasFiles): same packages with the same fields,
 * same relationships; package, file and relationship counts also checked against the raw JSON. The same for
 * Slipway's tag-value reader on every clean tag-value file of the corpus (spdx-examples) and the fixture.
 */
class SpdxReadersCrossCheckTest {
    static Stream<Path> documents() {
        List<Path> all = new ArrayList<>(SharedDir.spdxCorpus());
        all.add(Path.of("src/test/resources/sbom/adas-stack.spdx.json"));
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void streamingReaderAgreesWithSpdxJavaLibrary(Path file) throws Exception {
        SbomDocument fast = SbomReader.read(file, SbomReader.Engine.FAST);
        SbomDocument lib = SbomReader.read(file, SbomReader.Engine.LIBRARY);
        JsonNode raw = new ObjectMapper().readTree(file.toFile());

        assertThat(fast.reader()).isEqualTo(SpdxJsonStreamReader.READER);
        assertThat(lib.reader()).isEqualTo(SpdxLibraryReader.READER);
        // counts equal the document's
        assertThat(fast.packages()).hasSize(raw.path("packages").size());
        assertThat(lib.packages()).hasSize(raw.path("packages").size());
        assertThat(fast.files()).hasSize(raw.path("files").size());
        assertThat(lib.files()).hasSize(raw.path("files").size());
        assertThat(fast.relationships()).hasSize(rawRelationshipCount(raw));
        assertThat(lib.relationships()).hasSize(rawRelationshipCount(raw));

        assertThat(fast.spdxVersion()).isEqualTo(raw.path("spdxVersion").asText());
        assertAgree(fast, lib);
    }

    static Stream<Path> tagValueDocuments() {
        List<Path> all = new ArrayList<>(SharedDir.corpus("spdx-examples").stream()
                .filter(p -> p.getFileName().toString().endsWith(".spdx")).toList());
        all.add(Path.of("src/test/resources/sbom/adas-stack.spdx"));
        // SPDX YAML and XML go through the streaming reader too (Jackson's YAML/XML parsers)
        all.add(Path.of("src/test/resources/sbom/adas-stack.spdx.yaml"));
        all.add(Path.of("src/test/resources/sbom/adas-stack.spdx.xml"));
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("tagValueDocuments")
    void tagValueYamlAndXmlReadersAgreeWithSpdxJavaLibrary(Path file) {
        SbomDocument fast = SbomReader.read(file, SbomReader.Engine.FAST);
        SbomDocument lib = SbomReader.read(file, SbomReader.Engine.LIBRARY);
        assertThat(fast.reader()).isIn(TagValueReader.READER, SpdxJsonStreamReader.READER);
        assertThat(lib.reader()).isEqualTo(SpdxLibraryReader.READER);
        assertThat(fast.packages()).hasSize(lib.packages().size()).isNotEmpty();
        assertThat(fast.files()).hasSize(lib.files().size());
        // the library drops relationships whose element lives in another document; Slipway's reader keeps them
        List<SbomRelationship> local = fast.relationships().stream().filter(r -> !r.from().startsWith("DocumentRef-"))
                .toList();
        assertThat(local).hasSize(lib.relationships().size());
        assertAgree(fast.withRelationships(local), lib);
    }

    /** Same document, packages field by field, files, relationships and findings. */
    static void assertAgree(SbomDocument fast, SbomDocument lib) {
        // document
        assertThat(fast.spdxVersion()).isEqualTo(lib.spdxVersion());
        assertThat(fast.spdxId()).isEqualTo(lib.spdxId());
        assertThat(new HashSet<>(fast.externalDocumentRefs())).isEqualTo(new HashSet<>(lib.externalDocumentRefs()));
        assertThat(fast.name()).isEqualTo(lib.name());
        assertThat(fast.namespace()).isEqualTo(lib.namespace());
        assertThat(fast.created()).isEqualTo(lib.created());
        assertThat(new HashSet<>(fast.creators())).isEqualTo(new HashSet<>(lib.creators()));

        // packages, field by field
        Map<String, SbomPackage> f = fast.packagesById();
        Map<String, SbomPackage> l = lib.packagesById();
        assertThat(f.keySet()).isEqualTo(l.keySet());
        for (String id : f.keySet()) {
            SbomPackage a = f.get(id);
            SbomPackage b = l.get(id);
            assertThat(a.name()).as(id).isEqualTo(b.name());
            assertThat(a.version()).as(id).isEqualTo(b.version());
            assertThat(licence(a.declaredLicence())).as(id).isEqualTo(licence(b.declaredLicence()));
            assertThat(licence(a.concludedLicence())).as(id).isEqualTo(licence(b.concludedLicence()));
            assertThat(a.supplier()).as(id).isEqualTo(b.supplier());
            assertThat(a.originator()).as(id).isEqualTo(b.originator());
            assertThat(a.copyright()).as(id).isEqualTo(b.copyright());
            assertThat(a.downloadLocation()).as(id).isEqualTo(b.downloadLocation());
            assertThat(a.purl()).as(id).isEqualTo(b.purl());
            assertThat(sorted(a.hasFiles())).as(id).isEqualTo(sorted(b.hasFiles()));
            assertThat(new HashSet<>(a.annotations())).as(id).isEqualTo(new HashSet<>(b.annotations()));
            assertThat(a.tags()).as(id).isEqualTo(b.tags());
            assertThat(a.component()).as(id).isEqualTo(b.component());
        }
        // files
        Map<String, SbomFile> ff = fast.files().stream().collect(Collectors.toMap(SbomFile::spdxId, Function.identity()));
        for (SbomFile b : lib.files()) {
            SbomFile a = ff.get(b.spdxId());
            assertThat(a).as(b.spdxId()).isNotNull();
            assertThat(a.fileName()).isEqualTo(b.fileName());
            assertThat(licence(a.concludedLicence())).isEqualTo(licence(b.concludedLicence()));
            assertThat(new HashSet<>(a.checksums())).isEqualTo(new HashSet<>(b.checksums()));
        }
        // relationships as a multiset of (from, type, to)
        assertThat(triples(fast.relationships())).isEqualTo(triples(lib.relationships()));
        // findings alike (the library orders packages by name, so "first: ..." lists may differ)
        assertThat(kinds(fast.findings())).isEqualTo(kinds(lib.findings()));
    }

    private static List<String> kinds(List<ReadFinding> findings) {
        // per-document summaries name their first element in document order: compare them without it
        return findings.stream().map(f -> f.severity() + " " + f.rule() + " " + f.field() + " "
                        + (f.field().equals("packages") ? "" : f.elementId()))
                .sorted().toList();
    }

    /** The relationships array plus documentDescribes entries not already listed as DESCRIBES. */
    static int rawRelationshipCount(JsonNode raw) {
        Set<String> describes = new HashSet<>();
        int n = 0;
        for (JsonNode r : raw.path("relationships")) {
            n++;
            if (r.path("relationshipType").asText().equals("DESCRIBES")
                    && r.path("spdxElementId").asText().equals(raw.path("SPDXID").asText())) {
                describes.add(r.path("relatedSpdxElement").asText());
            }
        }
        for (JsonNode d : raw.path("documentDescribes")) {
            if (describes.add(d.asText())) {
                n++;
            }
        }
        return n;
    }

    /**
     * spdx-java-library re-orders, de-duplicates and parenthesises expressions (it keeps operands of AND/OR as
     * sets); compare operands of one operator as a sorted set.
     */
    static String licence(String expression) {
        String flat = expression.replace("(", "").replace(")", "").strip();
        for (String op : List.of(" AND ", " OR ")) {
            if (flat.contains(op) && !flat.contains(op.equals(" AND ") ? " OR " : " AND ")) {
                return String.join(op, new TreeSet<>(Arrays.asList(flat.split(op))));
            }
        }
        return flat;
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }

    private static List<String> triples(List<SbomRelationship> rels) {
        return rels.stream().map(SbomRelationship::toString).sorted().toList();
    }
}
