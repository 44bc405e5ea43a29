package io.slipway.core.sbom.read;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic large SPDX 2.3 JSON documents for benchmarks and bounded-heap tests, written with Jackson's
 * streaming generator (never held in memory whole).
 */
public final class SyntheticSpdx {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private SyntheticSpdx() {
    }

    /** The packages of the given corpus files, in file order then document order, without hasFiles. */
    public static List<ObjectNode> corpusPackages(List<Path> corpus) throws IOException {
        List<ObjectNode> out = new ArrayList<>();
        for (Path f : corpus) {
            for (JsonNode p : MAPPER.readTree(f.toFile()).path("packages")) {
                ObjectNode copy = ((ObjectNode) p).deepCopy();
                copy.remove("hasFiles");
                out.add(copy);
            }
        }
        return out;
    }

    /**
     * {@code n} packages cycling through the real {@code source} packages, SPDXID and name suffixed with the
     * index ({@code -i}); the document DESCRIBES package 0; package i DEPENDS_ON i+1 and 2i+1 (a DAG).
     */
    public static void writeFromPackages(Path out, List<ObjectNode> source, int n) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out.toFile(), JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            header(g, "synthetic-" + n);
            g.writeArrayFieldStart("packages");
            for (int i = 0; i < n; i++) {
                ObjectNode p = source.get(i % source.size()).deepCopy();
                p.put("SPDXID", id(source, i));
                p.put("name", p.path("name").asText() + "-" + i);
                MAPPER.writeTree(g, p);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("relationships");
            relationship(g, "SPDXRef-DOCUMENT", "DESCRIBES", id(source, 0));
            for (int i = 0; i < n; i++) {
                for (int j : new int[] {i + 1, 2 * i + 1}) {
                    if (j < n) {
                        relationship(g, id(source, i), "DEPENDS_ON", id(source, j));
                    }
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static String id(List<ObjectNode> source, int i) {
        return source.get(i % source.size()).path("SPDXID").asText() + "-" + i;
    }

    /**
     * About {@code targetBytes} of SPDX JSON whose bulk the browser skips: packages of ~10 KB, each with 400 short
     * {@code attributionTexts} (a tree of those needs several times the file: hundreds of thousands of nodes)
     * and a DEPENDS_ON chain through them. Returns the number of packages written.
     */
    public static int writePadded(Path out, long targetBytes) throws IOException {
        int perPackage = 9_600; // a little under the real size, so the file is at least targetBytes
        int n = (int) Math.max(1, targetBytes / perPackage);
        try (JsonGenerator g = FACTORY.createGenerator(out.toFile(), JsonEncoding.UTF8)) {
            header(g, "padded-" + n);
            g.writeArrayFieldStart("packages");
            for (int i = 0; i < n; i++) {
                g.writeStartObject();
                g.writeStringField("SPDXID", "SPDXRef-Package-" + i);
                g.writeStringField("name", "package-" + i);
                g.writeStringField("versionInfo", "1." + i);
                g.writeStringField("downloadLocation", "NOASSERTION");
                g.writeBooleanField("filesAnalyzed", false);
                g.writeStringField("licenseConcluded", "NOASSERTION");
                g.writeStringField("licenseDeclared", i % 2 == 0 ? "MIT" : "Apache-2.0");
                g.writeStringField("copyrightText", "NOASSERTION");
                g.writeArrayFieldStart("attributionTexts");
                for (int k = 0; k < 400; k++) {
                    g.writeString("attribution-" + i + "-" + k);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("relationships");
            relationship(g, "SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-Package-0");
            for (int i = 0; i + 1 < n; i++) {
                relationship(g, "SPDXRef-Package-" + i, "DEPENDS_ON", "SPDXRef-Package-" + (i + 1));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return n;
    }

    /** A DEPENDS_ON chain of {@code n} packages, optionally closed back to the first (one long cycle). */
    public static void writeChain(Path out, int n, boolean closed) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out.toFile(), JsonEncoding.UTF8)) {
            header(g, "chain-" + n);
            g.writeArrayFieldStart("packages");
            for (int i = 0; i < n; i++) {
                g.writeStartObject();
                g.writeStringField("SPDXID", "SPDXRef-" + i);
                g.writeStringField("name", "p" + i);
                g.writeStringField("versionInfo", "1.0");
                g.writeStringField("downloadLocation", "NOASSERTION");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("relationships");
            for (int i = 0; i + 1 < n; i++) {
                relationship(g, "SPDXRef-" + i, "DEPENDS_ON", "SPDXRef-" + (i + 1));
            }
            if (closed) {
                relationship(g, "SPDXRef-" + (n - 1), "DEPENDS_ON", "SPDXRef-0");
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void header(JsonGenerator g, String name) throws IOException {
        g.writeStartObject();
        g.writeStringField("spdxVersion", "SPDX-2.3");
        g.writeStringField("dataLicense", "CC0-1.0");
        g.writeStringField("SPDXID", "SPDXRef-DOCUMENT");
        g.writeStringField("name", name);
        g.writeStringField("documentNamespace", "https://slipway.example/spdx/" + name);
        g.writeObjectFieldStart("creationInfo");
        g.writeStringField("created", "2026-11-01T10:00:00Z");
        g.writeArrayFieldStart("creators");
        g.writeString("Tool: slipway-bench");
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void relationship(JsonGenerator g, String from, String type, String to) throws IOException {
        g.writeStartObject();
        g.writeStringField("spdxElementId", from);
        g.writeStringField("relationshipType", type);
        g.writeStringField("relatedSpdxElement", to);
        g.writeEndObject();
    }
}
