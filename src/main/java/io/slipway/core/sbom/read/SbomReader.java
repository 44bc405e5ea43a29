package io.slipway.core.sbom.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an SBOM file for browsing: recognises the format from the content ({@link FormatDetector}), reads it with
 * the right reader, validates it ({@link SbomValidator}) and parses the component tags. Every failure is an
 * {@link SbomReadException} (a {@code UserFacingException}) naming the file and, where known, line and field.
 *
 * <p>Readers: SPDX 2.2/2.3 JSON goes through the streaming reader by default (about the cost of a bare Jackson
 * tree parse, bounded heap); every SPDX format can go through spdx-java-library ({@link Engine#LIBRARY}); CycloneDX
 * JSON through cyclonedx-core-java. Thread-safe and stateless.
 */
public final class SbomReader {
    private static final Logger LOG = LoggerFactory.getLogger(SbomReader.class);

    /** Which reader to use. */
    public enum Engine {
        /** Streaming for SPDX JSON and tag-value, spdx-java-library for the other SPDX formats, cyclonedx-core-java for CycloneDX. */
        AUTO,
        /** The streaming readers; SPDX JSON, YAML, XML and tag-value only (CycloneDX still through cyclonedx-core-java). */
        FAST,
        /** spdx-java-library for every SPDX format (CycloneDX still through cyclonedx-core-java). */
        LIBRARY
    }

    /** The SPDX 2 formats the streaming reader reads (JSON, and the same shapes in YAML and XML). */
    private static final java.util.Set<SbomFormat> STREAMED = java.util.EnumSet.of(SbomFormat.SPDX_JSON,
            SbomFormat.SPDX_YAML, SbomFormat.SPDX_XML);

    private SbomReader() {
    }

    public static SbomDocument read(Path file) {
        return read(file, Engine.AUTO);
    }

    public static SbomDocument read(Path file, Engine engine) {
        long t0 = System.nanoTime();
        SbomFormat format = FormatDetector.detect(file);
        SbomDocument raw;
        IdSymbols symbols = null;
        if (!format.isSpdx()) {
            raw = CycloneDxReader.read(file, format);
        } else if (STREAMED.contains(format) && engine != Engine.LIBRARY) {
            SpdxJsonStreamReader.Parsed parsed = SpdxJsonStreamReader.parse(file, format);
            raw = parsed.document();
            symbols = parsed.symbols();
        } else if (format == SbomFormat.SPDX_TAG_VALUE && engine != Engine.LIBRARY) {
            raw = TagValueReader.read(file);
        } else if (engine == Engine.FAST) {
            throw new SbomReadException(file, "", format.label() + ": the streaming readers read SPDX JSON, YAML, XML "
                    + "and tag-value only (use the spdx-java-library reader)");
        } else {
            raw = SpdxLibraryReader.read(file, format);
        }
        String mismatch = extensionMismatch(file, format);
        if (mismatch != null) {
            List<ReadFinding> findings = new ArrayList<>(raw.findings());
            findings.add(new ReadFinding(FindingSeverity.WARNING, ReadRules.FILE_NAME, 0, "file name", null, mismatch));
            raw = raw.withFindings(findings);
        }
        SbomDocument doc = symbols != null ? SbomValidator.validate(raw, symbols) : SbomValidator.validate(raw);
        LOG.debug("read {} as {} with {} in {} ms: {} packages, {} files, {} relationships, {} findings", file,
                format.label(), doc.reader(), (System.nanoTime() - t0) / 1_000_000, doc.packages().size(),
                doc.files().size(), doc.relationships().size(), doc.findings().size());
        return doc;
    }

    /** As {@link #read(Path)}, refusing a document with any error finding (what the release side needs). */
    public static SbomDocument readStrict(Path file) {
        return readStrict(file, Engine.AUTO);
    }

    public static SbomDocument readStrict(Path file, Engine engine) {
        SbomDocument doc = read(file, engine);
        List<ReadFinding> errors = doc.errors();
        if (!errors.isEmpty()) {
            throw new SbomReadException(file, errors);
        }
        return doc;
    }

    /** A warning when the file name claims another format than the content has (the content wins). */
    static String extensionMismatch(Path file, SbomFormat format) {
        Path fileName = file.getFileName();
        if (fileName == null) {
            return null;
        }
        String name = fileName.toString().toLowerCase(Locale.ROOT);
        boolean json = name.endsWith(".json");
        boolean jsonLd = name.endsWith(".jsonld") || name.endsWith(".json-ld");
        boolean xml = name.endsWith(".xml") || name.endsWith(".rdf");
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        boolean tag = name.endsWith(".spdx") || name.endsWith(".tv") || name.endsWith(".tag");
        boolean claims = json || jsonLd || xml || yaml || tag;
        boolean fits = switch (format) {
            case SPDX_JSON, CYCLONEDX_JSON -> json;
            case CYCLONEDX_XML -> xml;
            case SPDX3_JSON_LD -> jsonLd || json;
            case SPDX_XML, SPDX_RDF_XML -> xml;
            case SPDX_YAML -> yaml;
            case SPDX_TAG_VALUE -> tag;
        };
        return claims && !fits ? "the name '" + fileName + "' suggests another format, but the content is "
                + format.label() + ": read as " + format.label() : null;
    }
}
