package io.slipway.core.sbom.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.ExternalReference;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.OrganizationalContact;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.Tool;
import org.cyclonedx.model.license.Acknowledgement;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;

/**
 * Imports CycloneDX JSON and XML, spec 1.0 to 1.6 (cyclonedx-core-java; XML screened by {@link XmlSafety} first)
 * into the SPDX-shaped model. Reading is lenient: bom-ref collisions and dependencies on undefined refs become
 * findings ({@link SbomValidator}); nested components and the metadata component are reported (INFO).
 * <ul>
 *   <li>components (nested ones too, walked iteratively) and {@code metadata.component} (the BOM's subject, also
 *       DESCRIBED by the document) become packages; components of type {@code file} become files</li>
 *   <li>name: {@code group/name} when a group is set; spdxId: the {@code bom-ref} (generated when missing)</li>
 *   <li>licences: an expression, or the listed licences joined with {@code AND} (ids as-is, named licences as
 *       {@code LicenseRef-<name>}); acknowledgement {@code concluded} goes to the concluded licence, the rest to
 *       the declared one</li>
 *   <li>supplier: {@code Organization: <supplier name>}; downloadLocation: the first {@code distribution}
 *       external reference</li>
 *   <li>{@code dependencies} become DEPENDS_ON relationships; nesting becomes CONTAINS</li>
 *   <li>component properties named {@code slipway:<key>} carry the same tags as SPDX annotations</li>
 * </ul>
 */
final class CycloneDxReader {
    static final String READER = "cyclonedx-core-java";

    private CycloneDxReader() {
    }

    static SbomDocument read(Path file, SbomFormat format) {
        SpdxLibraryReader.checkHeap(file, format, READER);
        String label = format.label();
        Bom bom;
        try (InputStream in = Files.newInputStream(file)) {
            if (format == SbomFormat.CYCLONEDX_XML) {
                byte[] bytes = in.readAllBytes();
                XmlSafety.check(file, bytes);
                bom = new XmlParser().parse(bytes);
            } else {
                bom = new JsonParser().parse(in);
            }
        } catch (SbomReadException e) {
            throw e;
        } catch (ParseException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            if (cause instanceof JsonProcessingException j) {
                String at = JsonProblems.at(j.getLocation());
                String field = "";
                if (j instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                    StringBuilder b = new StringBuilder();
                    for (JsonMappingException.Reference r : m.getPath()) {
                        b.append(r.getFieldName() != null ? (b.length() > 0 ? "." : "") + r.getFieldName()
                                : "[" + r.getIndex() + "]");
                    }
                    field = b.toString();
                }
                String where = field.isEmpty() ? at : at.isEmpty() ? field : at + ", " + field;
                String msg = JsonProblems.firstLine(j.getOriginalMessage()).replaceAll("\\b(?:[a-z]\\w*\\.)+([A-Z])", "$1");
                throw new SbomReadException(file, where, "not valid " + label + ": " + msg, e);
            }
            throw new SbomReadException(file, "", "not valid " + label + ": " + JsonProblems.firstLine(
                    cause.getMessage() == null ? e.getMessage() : cause.getMessage()), e);
        } catch (IOException | RuntimeException e) {
            throw new SbomReadException(file, "", "cannot read this " + label + ": " + e.getMessage(), e);
        }
        if (bom == null) {
            throw new SbomReadException(file, "", "not valid " + label + ": no bom element");
        }
        return toModel(file, format, bom);
    }

    private static SbomDocument toModel(Path file, SbomFormat format, Bom bom) {
        String docId = "SPDXRef-DOCUMENT";
        Metadata meta = bom.getMetadata();
        List<SbomPackage> packages = new ArrayList<>();
        List<SbomFile> files = new ArrayList<>();
        List<SbomRelationship> relationships = new ArrayList<>();
        int[] generated = {0};
        List<String> nested = new ArrayList<>();

        record Pending(Component component, String parentRef) {
        }
        Deque<Pending> todo = new ArrayDeque<>();
        Component subject = meta == null ? null : meta.getComponent();
        if (subject != null) {
            todo.add(new Pending(subject, null));
        }
        if (bom.getComponents() != null) {
            bom.getComponents().forEach(c -> todo.add(new Pending(c, null)));
        }
        while (!todo.isEmpty()) {
            Pending next = todo.poll();
            Component c = next.component();
            String ref = c.getBomRef() != null && !c.getBomRef().isBlank() ? c.getBomRef()
                    : "SPDXRef-cdx-" + (++generated[0]);
            if (c == subject) {
                relationships.add(new SbomRelationship(docId, "DESCRIBES", ref, 0));
            }
            if (next.parentRef() != null) {
                relationships.add(new SbomRelationship(next.parentRef(), "CONTAINS", ref, 0));
                nested.add(ref);
            }
            if (c.getType() == Component.Type.FILE) {
                files.add(new SbomFile(ref, c.getName(), hashes(c.getHashes()), "NOASSERTION", c.getCopyright(), 0));
            } else {
                String[] licences = licences(c.getLicenses());
                packages.add(new SbomPackage(ref, name(c), c.getVersion(),
                        c.getSupplier() != null && c.getSupplier().getName() != null
                                ? "Organization: " + c.getSupplier().getName() : null,
                        author(c), licences[0], licences[1],
                        c.getCopyright(), download(c), c.getPurl(), List.of(), tags(c.getProperties()),
                        ComponentTags.NONE, 0));
            }
            if (c.getComponents() != null) {
                for (Component child : c.getComponents()) {
                    todo.add(new Pending(child, ref));
                }
            }
        }

        // dependencies: an iterative walk (XML-origin BOMs may nest them)
        Deque<Dependency> deps = new ArrayDeque<>();
        if (bom.getDependencies() != null) {
            deps.addAll(bom.getDependencies());
        }
        while (!deps.isEmpty()) {
            Dependency d = deps.poll();
            if (d.getDependencies() == null) {
                continue;
            }
            for (Dependency child : d.getDependencies()) {
                relationships.add(new SbomRelationship(d.getRef(), "DEPENDS_ON", child.getRef(), 0));
                if (child.getDependencies() != null && !child.getDependencies().isEmpty()) {
                    deps.add(child);
                }
            }
        }

        List<String> creators = new ArrayList<>();
        String created = null;
        if (meta != null) {
            if (meta.getTimestamp() != null) {
                created = Instant.ofEpochMilli(meta.getTimestamp().getTime()).toString();
            }
            creators.addAll(legacyTools(meta));
            if (meta.getToolChoice() != null && meta.getToolChoice().getComponents() != null) {
                for (Component t : meta.getToolChoice().getComponents()) {
                    creators.add("Tool: " + t.getName() + (t.getVersion() == null ? "" : "-" + t.getVersion()));
                }
            }
            if (meta.getAuthors() != null) {
                for (OrganizationalContact a : meta.getAuthors()) {
                    creators.add("Person: " + a.getName());
                }
            }
        }
        String name = subject != null ? name(subject) : bom.getSerialNumber();
        List<ReadFinding> findings = new ArrayList<>();
        if (subject != null) {
            String ref = relationships.get(0).to();
            findings.add(new ReadFinding(FindingSeverity.INFO, ReadRules.METADATA_COMPONENT, 0, "metadata.component",
                    ref, "the BOM's subject '" + name(subject) + "' (metadata.component) is shown as a package the "
                    + "document DESCRIBES"));
        }
        if (!nested.isEmpty()) {
            findings.add(new ReadFinding(FindingSeverity.INFO, ReadRules.NESTED_COMPONENTS, 0, "components", nested.get(0),
                    nested.size() + " components are nested inside other components; shown as packages CONTAINED by "
                    + "their parent (first: " + String.join(", ", nested.subList(0, Math.min(5, nested.size())))
                    + ")"));
        }
        return new SbomDocument(file, format, READER, "CycloneDX-" + bom.getSpecVersion(), docId,
                name, bom.getSerialNumber(), null, created, creators, List.of(), packages, files, relationships,
                List.of(), List.of(), findings);
    }

    /** The author as an SPDX originator: 1.6's authors list, else the (deprecated) author text of older BOMs. */
    @SuppressWarnings("deprecation")
    private static String author(Component c) {
        if (c.getAuthors() != null && !c.getAuthors().isEmpty() && c.getAuthors().get(0).getName() != null) {
            return "Person: " + c.getAuthors().get(0).getName();
        }
        return c.getAuthor() != null ? "Person: " + c.getAuthor() : null;
    }

    /** Tools as CycloneDX 1.4 listed them (deprecated since 1.5, still common). */
    @SuppressWarnings("deprecation")
    private static List<String> legacyTools(Metadata meta) {
        List<String> out = new ArrayList<>();
        if (meta.getTools() != null) {
            for (Tool t : meta.getTools()) {
                out.add("Tool: " + t.getName() + (t.getVersion() == null ? "" : "-" + t.getVersion()));
            }
        }
        return out;
    }

    private static String name(Component c) {
        return c.getGroup() == null || c.getGroup().isBlank() ? c.getName() : c.getGroup() + "/" + c.getName();
    }

    private static String download(Component c) {
        if (c.getExternalReferences() != null) {
            for (ExternalReference r : c.getExternalReferences()) {
                if (r.getType() == ExternalReference.Type.DISTRIBUTION && r.getUrl() != null) {
                    return r.getUrl();
                }
            }
        }
        return "NOASSERTION";
    }

    /** {declared, concluded}. */
    private static String[] licences(LicenseChoice choice) {
        String declared = null;
        String concluded = null;
        if (choice != null) {
            if (choice.getExpression() != null && choice.getExpression().getValue() != null) {
                if (choice.getExpression().getAcknowledgement() == Acknowledgement.CONCLUDED) {
                    concluded = choice.getExpression().getValue();
                } else {
                    declared = choice.getExpression().getValue();
                }
            }
            if (choice.getLicenses() != null) {
                for (License l : choice.getLicenses()) {
                    String id = l.getId() != null ? l.getId() : l.getName() != null
                            ? "LicenseRef-" + l.getName().replaceAll("[^A-Za-z0-9.\\-]+", "-") : null;
                    if (id == null) {
                        continue;
                    }
                    if (l.getAcknowledgement() == Acknowledgement.CONCLUDED) {
                        concluded = concluded == null ? id : concluded + " AND " + id;
                    } else {
                        declared = declared == null ? id : declared + " AND " + id;
                    }
                }
            }
        }
        return new String[] {declared == null ? "NOASSERTION" : declared,
                             concluded == null ? "NOASSERTION" : concluded};
    }

    private static List<SbomChecksum> hashes(List<Hash> hashes) {
        if (hashes == null) {
            return List.of();
        }
        return hashes.stream().map(h -> new SbomChecksum(h.getAlgorithm().replace("-", "").toUpperCase(Locale.ROOT),
                h.getValue())).toList();
    }

    /** {@code slipway:<key>} properties as the equivalent annotations, so one parser reads both. */
    private static List<SbomAnnotation> tags(List<Property> properties) {
        if (properties == null) {
            return List.of();
        }
        List<SbomAnnotation> out = new ArrayList<>();
        for (Property p : properties) {
            if (p.getName() != null && p.getName().startsWith(ComponentTags.PREFIX)) {
                out.add(new SbomAnnotation(ComponentTags.ANNOTATOR, ComponentTags.ANNOTATION_TYPE, null,
                        p.getName() + "=" + (p.getValue() == null ? "" : p.getValue())));
            }
        }
        return out;
    }
}
