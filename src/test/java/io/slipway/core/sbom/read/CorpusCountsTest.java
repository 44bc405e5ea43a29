package io.slipway.core.sbom.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.testsupport.SharedDir;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the shared corpus (real SPDX 2 JSON and tag-value, SPDX 3 JSON-LD, CycloneDX JSON and XML) opens,
 * with as many packages (CycloneDX: components, nested ones and the metadata component included) as the
 * document declares, counted straight from the raw file.
 */
class CorpusCountsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SPDX3_PACKAGE_TYPES = Set.of("software_Package", "ai_AIPackage",
            "dataset_DatasetPackage");

    static Stream<Path> corpus() {
        return Stream.of("spdx", "spdx-examples", "cyclonedx").flatMap(d -> SharedDir.corpus(d).stream());
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void everyCorpusFileOpensWithTheCountItDeclares(Path file) throws Exception {
        SbomDocument doc = SbomReader.read(file);
        String name = file.getFileName().toString();
        switch (doc.format()) {
            case SPDX_JSON -> assertThat(doc.packages()).hasSize(JSON.readTree(file.toFile()).path("packages").size());
            case SPDX_TAG_VALUE -> assertThat(doc.packages()).hasSize((int) Files.readAllLines(file).stream()
                    .filter(l -> l.startsWith("PackageName:")).count());
            case SPDX3_JSON_LD -> assertThat(doc.packages()).hasSize(spdx3Packages(JSON.readTree(file.toFile())));
            case CYCLONEDX_JSON -> assertThat(doc.packages().size() + doc.files().size())
                    .isEqualTo(cycloneDxJsonComponents(JSON.readTree(file.toFile())));
            case CYCLONEDX_XML -> assertThat(doc.packages().size() + doc.files().size())
                    .isEqualTo(cycloneDxXmlComponents(file));
            default -> throw new AssertionError(name + ": unexpected format " + doc.format());
        }
        assertThat(doc.packages().size() + doc.files().size()).as(name).isPositive();
    }

    /** Distinct package elements of the graph (a repeated element counts once, as it is read once). */
    static int spdx3Packages(JsonNode root) {
        Set<String> ids = new HashSet<>();
        for (JsonNode e : root.path("@graph")) {
            if (SPDX3_PACKAGE_TYPES.contains(e.path("type").asText())) {
                ids.add(e.path("spdxId").asText());
            }
        }
        return ids.size();
    }

    /** metadata.component plus every component, nested ones too. */
    static int cycloneDxJsonComponents(JsonNode root) {
        int n = root.path("metadata").has("component") ? 1 : 0;
        Deque<JsonNode> todo = new ArrayDeque<>();
        root.path("components").forEach(todo::add);
        root.path("metadata").path("component").path("components").forEach(todo::add);
        while (!todo.isEmpty()) {
            JsonNode c = todo.poll();
            n++;
            c.path("components").forEach(todo::add);
        }
        return n;
    }

    /** {@code <component>} elements of the BOM and its metadata, not those describing tools (1.5). */
    static int cycloneDxXmlComponents(Path file) throws Exception {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        int n = 0;
        Deque<String> path = new ArrayDeque<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (r.getLocalName().equals("component") && !path.contains("tools")) {
                        n++;
                    }
                    path.push(r.getLocalName());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    path.pop();
                }
            }
        }
        return n;
    }
}
