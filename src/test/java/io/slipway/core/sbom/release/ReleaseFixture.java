package io.slipway.core.sbom.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slipway.core.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Writes small release sets for tests: a manifest plus per-component src/, bin/ and LICENSE. */
final class ReleaseFixture {
    private final Path root;
    private final List<Map<String, Object>> components = new ArrayList<>();

    ReleaseFixture(Path root) {
        this.root = root;
    }

    /** Adds a component with one source file carrying {@code licence} as SPDX-License-Identifier (null: none). */
    ReleaseFixture component(String id, String type, int mode, String nativeId, String licence) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("name", id);
        c.put("version", "1.0");
        c.put("type", type);
        c.put("mode", mode);
        c.put("native", nativeId);
        c.put("supplier", "Organization: Test Supplier");
        c.put("sourceDir", id + "/src");
        c.put("binaryDir", id + "/bin");
        components.add(c);
        write(id + "/src/" + id + ".c", "/*\n * Copyright (c) 2026 Test Supplier\n"
                + (licence == null ? "" : " * SPDX-License-Identifier: " + licence + "\n") + " */\nint x;\n");
        write(id + "/src/README", id + " 1.0\n");
        write(id + "/bin/lib" + id + ".so", "binary of " + id + "\n");
        if (licence != null) {
            write(id + "/LICENSE", id + " is distributed under " + licence + ".\nCopyright (c) 2026 Test Supplier\n");
        }
        return this;
    }

    ReleaseFixture set(String id, String field, Object value) {
        components.stream().filter(c -> c.get("id").equals(id)).findFirst().orElseThrow().put(field, value);
        return this;
    }

    ReleaseFixture write(String rel, String content) {
        try {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path manifest() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "fixture");
        m.put("version", "9.9");
        m.put("components", components);
        try {
            Files.createDirectories(root);
            Path file = root.resolve(ReleaseSetManifest.FILE_NAME);
            Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(m));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Edits component {@code id}'s SPDX document (as JSON) and updates the index's SHA-1 for it, as a crafted SBOM
     * would: the checksums stay consistent, only the content is hostile.
     */
    static void rewriteDocument(Path index, String id, Consumer<ObjectNode> edit) {
        try {
            Path doc = index.getParent().resolve(SbomGenerator.COMPONENTS_DIR).resolve(id + ".spdx.json");
            ObjectNode json = (ObjectNode) Json.MAPPER.readTree(doc.toFile());
            edit.accept(json);
            Files.writeString(doc, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
            String sha1 = Spdx.sha1(doc);
            ObjectNode idx = (ObjectNode) Json.MAPPER.readTree(index.toFile());
            for (JsonNode ref : idx.get("externalDocumentRefs")) {
                if (ref.get("externalDocumentId").asText().equals("DocumentRef-" + id)) {
                    ((ObjectNode) ref.get("checksum")).put("checksumValue", sha1);
                }
            }
            Files.writeString(index, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(idx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Edits the index itself (as JSON). */
    static void rewriteIndex(Path index, Consumer<ObjectNode> edit) {
        try {
            ObjectNode idx = (ObjectNode) Json.MAPPER.readTree(index.toFile());
            edit.accept(idx);
            Files.writeString(index, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(idx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode file(ObjectNode doc, String fileName) {
        for (JsonNode f : (ArrayNode) doc.get("files")) {
            if (f.get("fileName").asText().equals(fileName)) {
                return (ObjectNode) f;
            }
        }
        throw new AssertionError("no file " + fileName);
    }
}
