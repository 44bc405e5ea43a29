package io.slipway.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Documents and baselines for SbomReadBench's lenient-reading rows: the clean 50k document with real generator
 * defects injected, a CycloneDX XML of real components, and the bare passes (Jackson streaming over every token,
 * the JDK's StAX over every event) that bound what any reader of those bytes can do.
 */
final class BenchDocuments {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory JSON = MAPPER.getFactory();

    private BenchDocuments() {
    }

    /**
     * The clean document with {@code dangling} relationships re-pointed at ids nobody defines (spread evenly) and
     * {@code duplicates} package entries repeated with the same SPDXID (appended, so every id stays defined).
     */
    static void writeDefective(Path clean, Path out, int dangling, int duplicates) throws Exception {
        ObjectNode doc = (ObjectNode) MAPPER.readTree(clean.toFile());
        ArrayNode rels = (ArrayNode) doc.get("relationships");
        int step = Math.max(1, rels.size() / dangling);
        for (int i = 0, n = 0; i < rels.size() && n < dangling; i += step, n++) {
            ((ObjectNode) rels.get(i)).put("relatedSpdxElement", "SPDXRef-syft-missing-" + n);
        }
        ArrayNode packages = (ArrayNode) doc.get("packages");
        int every = Math.max(1, packages.size() / duplicates);
        List<JsonNode> copies = new ArrayList<>();
        for (int i = 0, n = 0; i < packages.size() && n < duplicates; i += every, n++) {
            ObjectNode copy = packages.get(i).deepCopy();
            copy.put("versionInfo", copy.path("versionInfo").asText() + "-dup");
            copies.add(copy);
        }
        copies.forEach(packages::add);
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), doc);
    }

    /**
     * CycloneDX 1.4 XML with {@code n} components cycled from the real components of the corpus's CycloneDX JSON
     * files (bom-ref suffixed with the index), component i depending on i+1 and 2i+1.
     */
    static void writeCycloneDxXml(List<Path> cycloneDxJson, Path out, int n) throws Exception {
        List<JsonNode> source = new ArrayList<>();
        for (Path p : cycloneDxJson) {
            MAPPER.readTree(p.toFile()).path("components").forEach(source::add);
        }
        XMLOutputFactory f = XMLOutputFactory.newFactory();
        try (OutputStream os = Files.newOutputStream(out)) {
            XMLStreamWriter w = f.createXMLStreamWriter(os, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("bom");
            w.writeDefaultNamespace("http://cyclonedx.org/schema/bom/1.4");
            w.writeAttribute("version", "1");
            w.writeStartElement("components");
            for (int i = 0; i < n; i++) {
                JsonNode c = source.get(i % source.size());
                w.writeStartElement("component");
                w.writeAttribute("type", c.path("type").asText("library"));
                w.writeAttribute("bom-ref", "ref-" + i);
                element(w, "name", c.path("name").asText() + "-" + i);
                element(w, "version", c.path("version").asText("0"));
                JsonNode licence = c.path("licenses").path(0).path("license");
                if (licence.has("id") || licence.has("name")) {
                    w.writeStartElement("licenses");
                    w.writeStartElement("license");
                    element(w, licence.has("id") ? "id" : "name", licence.path(licence.has("id") ? "id" : "name")
                            .asText());
                    w.writeEndElement();
                    w.writeEndElement();
                }
                if (c.has("purl")) {
                    element(w, "purl", c.path("purl").asText());
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeStartElement("dependencies");
            for (int i = 0; i < n; i++) {
                w.writeStartElement("dependency");
                w.writeAttribute("ref", "ref-" + i);
                for (int to : new int[] {i + 1, 2 * i + 1}) {
                    if (to < n) {
                        w.writeEmptyElement("dependency");
                        w.writeAttribute("ref", "ref-" + to);
                    }
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        }
    }

    private static void element(XMLStreamWriter w, String name, String text) throws Exception {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    /** Jackson's streaming parser over every token, decoding every string: the floor for reading JSON bytes. */
    static long jacksonStreamingPass(Path file) throws Exception {
        long n = 0;
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                n += t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME ? p.getTextLength() : 1;
            }
        }
        return n;
    }

    /** The JDK's StAX over every event, reading every text and attribute: the floor for reading XML bytes. */
    static long staxPass(Path file) throws Exception {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        long n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.CHARACTERS) {
                    n += r.getTextLength();
                } else if (e == XMLStreamConstants.START_ELEMENT) {
                    for (int a = 0; a < r.getAttributeCount(); a++) {
                        n += r.getAttributeValue(a).length();
                    }
                }
            }
            r.close();
        }
        return n;
    }
}
