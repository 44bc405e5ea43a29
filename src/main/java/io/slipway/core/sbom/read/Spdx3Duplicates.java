package io.slipway.core.sbom.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SPDX 3 JSON-LD with the same element twice in {@code @graph} (the SPDX project's own AI example lists a
 * relationship twice): spdx-java-library's store refuses it ("Object URI ... already exists"). This pass finds
 * such elements, with their lines, and hands the library the graph with each id once: the first entry is kept, a
 * repeat is a finding (WARNING when it is an exact copy, ERROR when it says something else, which is then not
 * shown). Documents without repeats are not touched (the library reads the file itself).
 */
final class Spdx3Duplicates {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The graph to read (null: read the file as it is) and the findings. */
    record Result(byte[] deduplicated, List<ReadFinding> findings) {
    }

    private Spdx3Duplicates() {
    }

    static Result scan(Path file) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        Map<String, Integer> firstIndex = new HashMap<>();
        List<JsonNode> graph = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<ReadFinding> findings = new ArrayList<>();
        boolean repeated = false;
        try (InputStream in = Files.newInputStream(file); JsonParser p = MAPPER.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Result(null, List.of());
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!field.equals("@graph") || value != JsonToken.START_ARRAY) {
                    root.set(field, MAPPER.readTree(p));
                    continue;
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    int line = p.currentTokenLocation().getLineNr();
                    JsonNode element = MAPPER.readTree(p);
                    String id = id(element);
                    Integer prior = id == null ? null : firstIndex.putIfAbsent(id, graph.size());
                    if (prior == null) {
                        graph.add(element);
                        lines.add(line);
                        continue;
                    }
                    repeated = true;
                    boolean same = graph.get(prior).equals(element);
                    String where = "@graph element at line " + lines.get(prior);
                    findings.add(new ReadFinding(same ? FindingSeverity.WARNING : FindingSeverity.ERROR,
                            ReadRules.DUPLICATE_ID, line, "@graph", id, same
                            ? "element '" + id + "' is listed twice (an exact copy of the " + where + "); read once"
                            : "element id '" + id + "' is defined twice, differently (first: " + where + "); the "
                            + "first definition is shown, this one is not"));
                }
            }
        } catch (JsonProcessingException e) {
            return new Result(null, List.of()); // the library reports the syntax error with its own message
        }
        if (!repeated) {
            return new Result(null, List.of());
        }
        ArrayNode array = root.putArray("@graph");
        graph.forEach(array::add);
        return new Result(MAPPER.writeValueAsBytes(root), findings);
    }

    private static String id(JsonNode element) {
        JsonNode id = element.get("spdxId");
        if (id == null) {
            id = element.get("@id");
        }
        return id != null && id.isTextual() ? id.asText() : null;
    }
}
