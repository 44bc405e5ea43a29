package io.slipway.core.sbom.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises an SBOM's format from its content, never from its name: a tag-value file called {@code .json} is
 * tag-value. Looks at the first 64 KiB; for JSON whose deciding keys come later, streams the top-level keys of
 * the whole file (skipping values, building nothing). Anything that is not a supported SBOM is refused with a
 * message saying what it is instead (empty, binary and which kind, another XML or JSON document, plain text).
 */
public final class FormatDetector {
    static final int HEAD_BYTES = 64 * 1024;
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern TAG_VALUE_LINE = Pattern.compile(
            "^(SPDXVersion|DataLicense|DocumentNamespace|DocumentName|PackageName|Creator):", Pattern.MULTILINE);
    private static final Pattern YAML_SPDX_LINE = Pattern.compile(
            "^[\"']?(spdxVersion|documentNamespace|creationInfo|SPDXID)[\"']?\\s*:", Pattern.MULTILINE);
    private static final Pattern XML_ROOT = Pattern.compile("<([A-Za-z_][\\w.\\-]*:)?([A-Za-z_][\\w.\\-]*)");

    private FormatDetector() {
    }

    public static SbomFormat detect(Path file) {
        byte[] head = head(file);
        if (head.length == 0) {
            throw new SbomReadException(file, "", "empty file (0 bytes): not an SBOM");
        }
        String binary = binaryKind(head);
        if (binary != null) {
            throw new SbomReadException(file, "", "binary file (" + binary + "), not an SBOM");
        }
        int start = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        String text = new String(head, start, head.length - start, StandardCharsets.UTF_8);
        String body = text.stripLeading();
        if (body.isEmpty()) {
            throw new SbomReadException(file, "", "only whitespace: not an SBOM");
        }
        char first = body.charAt(0);
        if (first == '{') {
            return detectJson(file);
        }
        if (first == '[') {
            throw new SbomReadException(file, "", "a JSON array, not an SBOM (SPDX and CycloneDX JSON documents are objects)");
        }
        if (first == '<') {
            return detectXml(file, body);
        }
        if (TAG_VALUE_LINE.matcher(body).find()) {
            return SbomFormat.SPDX_TAG_VALUE;
        }
        if (YAML_SPDX_LINE.matcher(body).find()) {
            return SbomFormat.SPDX_YAML;
        }
        throw new SbomReadException(file, "", "text that is not a recognised SBOM format (SPDX JSON, YAML, XML, "
                + "tag-value, RDF/XML, SPDX 3 JSON-LD or CycloneDX JSON/XML); it starts with '" + snippet(body) + "'");
    }

    private static byte[] head(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new SbomReadException(file, "", "a directory, not an SBOM file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes(HEAD_BYTES);
            }
        } catch (NoSuchFileException e) {
            throw new SbomReadException(file, "", "no such file", e);
        } catch (IOException e) {
            throw new SbomReadException(file, "", "cannot read: " + e.getMessage(), e);
        }
    }

    /** What kind of binary data the head is, or null when it looks like text. */
    static String binaryKind(byte[] b) {
        if (starts(b, 0x1F, 0x8B)) {
            return "gzip-compressed data: decompress it first";
        }
        if (starts(b, 'P', 'K', 3, 4)) {
            return "ZIP archive (or a jar): extract the SBOM first";
        }
        if (starts(b, 0xFD, '7', 'z', 'X', 'Z', 0)) {
            return "xz-compressed data: decompress it first";
        }
        if (starts(b, 'B', 'Z', 'h')) {
            return "bzip2-compressed data: decompress it first";
        }
        if (starts(b, 0x28, 0xB5, 0x2F, 0xFD)) {
            return "zstd-compressed data: decompress it first";
        }
        if (starts(b, 0x7F, 'E', 'L', 'F')) {
            return "ELF executable or library";
        }
        if (starts(b, 'M', 'Z')) {
            return "Windows executable";
        }
        if (starts(b, 0xCA, 0xFE, 0xBA, 0xBE)) {
            return "Java class file";
        }
        if (starts(b, '%', 'P', 'D', 'F')) {
            return "PDF document";
        }
        if (starts(b, 0x89, 'P', 'N', 'G')) {
            return "PNG image";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "JPEG image";
        }
        if (starts(b, 0xFE, 0xFF) || starts(b, 0xFF, 0xFE)) {
            return "UTF-16 text: save it as UTF-8";
        }
        if (b.length > 262 && b[257] == 'u' && b[258] == 's' && b[259] == 't' && b[260] == 'a' && b[261] == 'r') {
            return "tar archive: extract the SBOM first";
        }
        int control = 0;
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return "binary data: NUL byte at offset " + i;
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                control++;
            }
        }
        return control * 10 > b.length ? "binary data: " + control + " control bytes in the first " + b.length : null;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Streams the top-level keys until one decides; values are skipped, not built. */
    private static SbomFormat detectJson(Path file) {
        boolean spdxHint = false;
        JsonParser p = null;
        try (InputStream in = Files.newInputStream(file)) {
            p = JSON.createParser(in);
            p.nextToken();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                switch (key) {
                    case "spdxVersion", "SPDXID", "documentNamespace", "creationInfo", "dataLicense" -> {
                        return SbomFormat.SPDX_JSON;
                    }
                    case "bomFormat" -> {
                        if (value == JsonToken.VALUE_STRING && "CycloneDX".equals(p.getText())) {
                            return SbomFormat.CYCLONEDX_JSON;
                        }
                        throw new SbomReadException(file, JsonProblems.where(p), "JSON with bomFormat '"
                                + (value == JsonToken.VALUE_STRING ? p.getText() : JsonProblems.describe(value))
                                + "', not an SBOM format Slipway reads (CycloneDX)");
                    }
                    case "@context" -> {
                        if (value == JsonToken.VALUE_STRING && p.getText().contains("spdx")) {
                            return SbomFormat.SPDX3_JSON_LD;
                        }
                        if (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT) {
                            String ctx = contextText(p);
                            if (ctx.contains("spdx")) {
                                return SbomFormat.SPDX3_JSON_LD;
                            }
                        }
                        throw new SbomReadException(file, JsonProblems.where(p),
                                "JSON-LD, but its @context is not SPDX 3's: not an SBOM");
                    }
                    case "packages", "relationships", "files", "hasExtractedLicensingInfos" -> {
                        spdxHint = true;
                        p.skipChildren();
                    }
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new SbomReadException(file, JsonProblems.where(p), "invalid JSON: expected a field name, found "
                        + JsonProblems.describe(t));
            }
        } catch (JsonProcessingException e) {
            if (spdxHint) {
                return SbomFormat.SPDX_JSON; // the SPDX reader reports the syntax error with its context
            }
            throw JsonProblems.parseError(file, p, e);
        } catch (IOException e) {
            throw new SbomReadException(file, "", "cannot read: " + e.getMessage(), e);
        }
        if (spdxHint) {
            return SbomFormat.SPDX_JSON;
        }
        throw new SbomReadException(file, "", "a JSON object that is neither SPDX (no \"spdxVersion\") nor CycloneDX "
                + "(no \"bomFormat\") nor SPDX 3 JSON-LD (no SPDX \"@context\"): not an SBOM");
    }

    /** The strings of an @context array/object (it is small), to look for the SPDX context URL. */
    private static String contextText(JsonParser p) throws IOException {
        StringBuilder b = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            JsonToken t = p.nextToken();
            if (t == null) {
                break;
            }
            if (t.isStructStart()) {
                depth++;
            } else if (t.isStructEnd()) {
                depth--;
            } else if (t == JsonToken.VALUE_STRING) {
                b.append(p.getText()).append(' ');
            }
            if (b.length() > 10_000) {
                break;
            }
        }
        return b.toString();
    }

    private static SbomFormat detectXml(Path file, String body) {
        String root = rootElement(body);
        String lower = body.toLowerCase(Locale.ROOT);
        if (root == null) {
            throw new SbomReadException(file, "", "XML without a root element in its first " + HEAD_BYTES / 1024
                    + " KiB: not an SBOM");
        }
        String local = root.contains(":") ? root.substring(root.indexOf(':') + 1) : root;
        if (local.equals("RDF")) {
            if (lower.contains("spdx.org/rdf/terms")) {
                return SbomFormat.SPDX_RDF_XML;
            }
            throw new SbomReadException(file, "", "RDF/XML without SPDX terms (http://spdx.org/rdf/terms#): not an SPDX document");
        }
        if ((local.equals("Document") || local.equals("SpdxDocument")) && body.contains("spdxVersion")) {
            return SbomFormat.SPDX_XML;
        }
        if (local.equals("bom") && lower.contains("cyclonedx.org/schema/bom")) {
            return SbomFormat.CYCLONEDX_XML;
        }
        throw new SbomReadException(file, "", "an XML document with root element <" + root + ">, not an SBOM");
    }

    /** The first element name after the prolog (declaration, comments, processing instructions, DOCTYPE). */
    static String rootElement(String xml) {
        int i = 0;
        int n = xml.length();
        while (i < n) {
            int lt = xml.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) {
                return null;
            }
            char c = xml.charAt(lt + 1);
            if (c == '?') {
                int end = xml.indexOf("?>", lt);
                i = end < 0 ? n : end + 2;
            } else if (xml.startsWith("<!--", lt)) {
                int end = xml.indexOf("-->", lt);
                i = end < 0 ? n : end + 3;
            } else if (c == '!') {
                i = skipDeclaration(xml, lt);
            } else {
                Matcher m = XML_ROOT.matcher(xml);
                if (m.find(lt) && m.start() == lt) {
                    return (m.group(1) == null ? "" : m.group(1)) + m.group(2);
                }
                return null;
            }
        }
        return null;
    }

    /** Skips {@code <!DOCTYPE ... [ internal subset ]>}, honouring the brackets and quoted strings. */
    private static int skipDeclaration(String xml, int from) {
        int depth = 0;
        char quote = 0;
        for (int i = from + 2; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                return i + 1;
            }
        }
        return xml.length();
    }

    private static String snippet(String body) {
        String line = body.lines().findFirst().orElse("").strip();
        return SbomReadException.oneLine(line.length() > 60 ? line.substring(0, 60) + "..." : line);
    }
}
