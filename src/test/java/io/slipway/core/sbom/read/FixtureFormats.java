package io.slipway.core.sbom.read;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.jacksonstore.MultiFormatStore;
import org.spdx.library.ModelCopyManager;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.conversion.Spdx2to3Converter;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.library.model.v2.SpdxFile;
import org.spdx.library.model.v2.SpdxPackage;
import org.spdx.spdxRdfStore.RdfStore;
import org.spdx.storage.IModelStore;
import org.spdx.storage.ISerializableModelStore;
import org.spdx.storage.simple.InMemSpdxStore;
import org.spdx.tagvaluestore.TagValueStore;
import org.spdx.v3jsonldstore.JsonLDStore;

/**
 * Regenerates the committed format fixtures in src/test/resources/sbom from the hand-written
 * {@code adas-stack.spdx.json}, with spdx-java-library's own writers (tag-value, RDF/XML, YAML, XML, and SPDX 3
 * JSON-LD via its 2-to-3 converter). Not a test; run by hand after changing the JSON:
 * {@code java -cp <test classpath> io.slipway.core.sbom.read.FixtureFormats src/test/resources/sbom}.
 */
public final class FixtureFormats {
    private FixtureFormats() {
    }

    public static void main(String[] args) throws Exception {
        SpdxOffline.init();
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/sbom");
        MultiFormatStore json = new MultiFormatStore(new InMemSpdxStore(), MultiFormatStore.Format.JSON_PRETTY);
        SpdxDocument doc;
        try (InputStream in = Files.newInputStream(dir.resolve("adas-stack.spdx.json"))) {
            doc = json.deSerialize(in, false);
        }
        write(json, doc, new TagValueStore(new InMemSpdxStore()), dir.resolve("adas-stack.spdx"));
        RdfStore rdf = new RdfStore();
        rdf.setDontStoreLicenseDetails(true);
        write(json, doc, rdf, dir.resolve("adas-stack.spdx.rdf.xml"));
        write(json, doc, new MultiFormatStore(new InMemSpdxStore(), MultiFormatStore.Format.YAML),
                dir.resolve("adas-stack.spdx.yaml"));
        write(json, doc, new MultiFormatStore(new InMemSpdxStore(), MultiFormatStore.Format.XML),
                dir.resolve("adas-stack.spdx.xml"));

        JsonLDStore v3 = new JsonLDStore(new InMemSpdxStore());
        ModelCopyManager cm = new ModelCopyManager();
        String prefix = doc.getDocumentUri() + "-specv3/";
        Spdx2to3Converter conv = new Spdx2to3Converter(v3, cm,
                Spdx2to3Converter.convertCreationInfo(doc.getCreationInfo(), v3, prefix),
                SpdxModelFactory.getLatestSpecVersion(), prefix);
        conv.convertAndStore(doc);
        for (Object o : SpdxModelFactory.getSpdxObjects(json, cm, "File", doc.getDocumentUri(), doc.getDocumentUri())
                .toList()) {
            if (!conv.alreadyCopied(((SpdxFile) o).getObjectUri())) {
                conv.convertAndStore((SpdxFile) o);
            }
        }
        for (Object o : SpdxModelFactory.getSpdxObjects(json, cm, "Package", doc.getDocumentUri(),
                doc.getDocumentUri()).toList()) {
            if (!conv.alreadyCopied(((SpdxPackage) o).getObjectUri())) {
                conv.convertAndStore((SpdxPackage) o);
            }
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("adas-stack.spdx3.jsonld"))) {
            v3.serialize(out);
        }
    }

    private static void write(IModelStore from, SpdxDocument doc, ISerializableModelStore to, Path out)
            throws Exception {
        String uri = doc.getDocumentUri();
        if (to instanceof RdfStore r) {
            r.setDocumentUri(uri, false);
        }
        ModelCopyManager cm = new ModelCopyManager();
        from.getAllItems(uri, "ExternalDocumentRef").forEach(tv -> copy(cm, to, from, tv.getObjectUri(),
                tv.getSpecVersion(), uri + "#"));
        from.getAllItems(uri, null).forEach(tv -> {
            if (!"ExternalDocumentRef".equals(tv.getType())) {
                copy(cm, to, from, tv.getObjectUri(), tv.getSpecVersion(), uri);
            }
        });
        try (OutputStream o = Files.newOutputStream(out)) {
            to.serialize(o);
        }
    }

    private static void copy(ModelCopyManager cm, IModelStore to, IModelStore from, String uri, String spec,
                             String prefix) {
        try {
            cm.copy(to, from, uri, spec, prefix);
        } catch (InvalidSPDXAnalysisException e) {
            throw new IllegalStateException(e);
        }
    }
}
