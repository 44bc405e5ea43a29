package io.slipway.core.sbom.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One small fixture per defect class real generators write (src/test/resources/sbom-defects): each opens, the
 * finding has its rule, place and severity, and the rest of the document is intact. Read strictly, documents with
 * an error finding are refused.
 */
class ReadDefectsTest {
    static final Path DIR = Path.of("src/test/resources/sbom-defects");

    static SbomDocument read(String name) {
        return SbomReader.read(DIR.resolve(name));
    }

    /** The only finding of {@code rule} in {@code doc}. */
    static ReadFinding only(SbomDocument doc, String rule) {
        List<ReadFinding> of = doc.findings().stream().filter(f -> f.rule().equals(rule)).toList();
        assertThat(of).as(doc.findings().toString()).hasSize(1);
        return of.get(0);
    }

    @Test
    void aRelationshipToAnUndefinedIdIsKeptAndShownAsDangling() {
        SbomDocument doc = read("dangling-relationship.spdx.json");
        ReadFinding f = only(doc, ReadRules.DANGLING_REFERENCE);
        assertThat(f.severity()).isEqualTo(FindingSeverity.ERROR);
        assertThat(f.line()).isEqualTo(61);
        assertThat(f.field()).isEqualTo("relationships[2] SPDXRef-Package-app CONTAINS SPDXRef-8a3e0ac3c2a0b5a1");
        assertThat(f.elementId()).isEqualTo("SPDXRef-Package-app");
        assertThat(doc.packages()).hasSize(3);
        assertThat(doc.relationships()).extracting(SbomRelationship::toString)
                .contains("SPDXRef-Package-app CONTAINS SPDXRef-8a3e0ac3c2a0b5a1").hasSize(3);
        assertThatThrownBy(() -> SbomReader.readStrict(DIR.resolve("dangling-relationship.spdx.json")))
                .isInstanceOf(SbomReadException.class).hasMessageContaining("is not defined in this document");
    }

    @Test
    void duplicateIdsKeepEveryPackageEntry() {
        SbomDocument doc = read("duplicate-ids.spdx.json");
        ReadFinding f = only(doc, ReadRules.DUPLICATE_ID);
        assertThat(f.severity()).isEqualTo(FindingSeverity.ERROR);
        assertThat(f.where()).isEqualTo("line 45, packages[2]");
        assertThat(f.elementId()).isEqualTo("SPDXRef-Package-go-module-golang.org-x-sys-3c0b5f0f1a8e");
        assertThat(f.message()).contains("first defined at line 27, packages[1]");
        assertThat(doc.packages()).extracting(SbomPackage::version).containsExactly("v1.24.6",
                "v0.0.0-20220722155257-8c9f86f7a55f", "v0.0.0-20220520151302-bc2c85ada10a");
        assertThat(doc.relationships()).hasSize(2);
    }

    @Test
    void aFractionalSecondsTimestampInTagValueOpensWithAWarning() {
        SbomDocument doc = read("fractional-created.spdx");
        assertThat(doc.reader()).isEqualTo(TagValueReader.READER);
        ReadFinding f = only(doc, ReadRules.TIMESTAMP);
        assertThat(f.severity()).isEqualTo(FindingSeverity.WARNING);
        assertThat(f.field()).isEqualTo("creationInfo.created");
        assertThat(f.message()).contains("fractional seconds");
        assertThat(doc.created()).isEqualTo("2022-02-14T14:01:11.670010553Z");
        assertThat(doc.packages()).extracting(SbomPackage::purl).containsExactly(
                "pkg:golang/github.com/spf13/cobra@v1.3.0", "pkg:golang/github.com/spf13/pflag@v1.0.5");
        assertThat(doc.relationships()).extracting(SbomRelationship::type).containsExactly("DESCRIBES", "DEPENDS_ON");
        assertThat(doc.errors()).isEmpty();
    }

    @Test
    void aMalformedTimestampIsAnError() {
        SbomDocument clean = read("document-id-spelling.spdx.json");
        java.util.List<ReadFinding> out = new java.util.ArrayList<>();
        DocumentLint.check(new SbomDocument(clean.source(), clean.format(), clean.reader(), clean.spdxVersion(),
                "SPDXRef-DOCUMENT", clean.name(), clean.namespace(), clean.dataLicence(), "14/02/2022 14:01",
                clean.creators(), clean.externalDocumentRefs(), clean.packages(), clean.files(), clean.relationships(),
                clean.annotations(), clean.otherElementIds(), List.of()), out);
        assertThat(out).filteredOn(f -> f.rule().equals(ReadRules.TIMESTAMP)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(FindingSeverity.ERROR));
    }

    @Test
    void aWronglySpelledDocumentIdIsAnErrorAndItsRelationshipsStillResolve() {
        SbomDocument doc = read("document-id-spelling.spdx.json");
        ReadFinding f = only(doc, ReadRules.DOCUMENT_ID);
        assertThat(f.severity()).isEqualTo(FindingSeverity.ERROR);
        assertThat(f.field()).isEqualTo("SPDXID");
        assertThat(f.elementId()).isEqualTo("SPDXRef-Document");
        assertThat(doc.findings()).noneMatch(x -> x.rule().equals(ReadRules.DANGLING_REFERENCE));
        assertThat(doc.packages()).singleElement().extracting(SbomPackage::name).isEqualTo("tool");
    }

    @Test
    void idsOutsideThePatternAreWarnings() {
        SbomDocument doc = read("id-pattern.spdx.json");
        ReadFinding f = only(doc, ReadRules.ID_PATTERN);
        assertThat(f.severity()).isEqualTo(FindingSeverity.WARNING);
        assertThat(f.where()).isEqualTo("line 16, packages[0]");
        assertThat(f.elementId()).isEqualTo("SPDXRef-Package-npm-@babel/core-7.20.2");
        assertThat(doc.relationships()).hasSize(2);
        assertThat(doc.findings()).noneMatch(x -> x.rule().equals(ReadRules.DANGLING_REFERENCE));
    }

    @Test
    void licenceExpressionsThatDoNotParseOrUseUnknownIdsAreShownAsWritten() {
        SbomDocument doc = read("licence-expressions.spdx.json");
        ReadFinding syntax = only(doc, ReadRules.LICENCE_SYNTAX);
        assertThat(syntax.severity()).isEqualTo(FindingSeverity.WARNING);
        assertThat(syntax.where()).isEqualTo("line 27, packages[1].licenseDeclared");
        assertThat(syntax.elementId()).isEqualTo("SPDXRef-Package-python-chardet");
        ReadFinding unknown = only(doc, ReadRules.LICENCE_UNKNOWN_ID);
        assertThat(unknown.message()).contains("GPLv2").doesNotContain("MIT,");
        assertThat(unknown.elementId()).isEqualTo("SPDXRef-Package-python-pyyaml");
        assertThat(doc.packages()).extracting(SbomPackage::declaredLicence)
                .containsExactly("Apache-2.0", "LGPL-2.1-only OR", "MIT AND GPLv2");
    }

    @Test
    void missingRequiredFieldsAreFindingsOfTheirWeight() {
        SbomDocument doc = read("missing-fields.spdx.json");
        List<ReadFinding> missing = doc.findings().stream().filter(f -> f.rule().equals(ReadRules.MISSING_FIELD))
                .toList();
        assertThat(missing).extracting(ReadFinding::severity, ReadFinding::field, ReadFinding::elementId)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple(FindingSeverity.ERROR, "packages[0].name",
                                "SPDXRef-Package-rpm-unnamed"),
                        org.assertj.core.api.Assertions.tuple(FindingSeverity.WARNING, "packages[1].downloadLocation",
                                "SPDXRef-Package-rpm-bash"),
                        org.assertj.core.api.Assertions.tuple(FindingSeverity.INFO, "packages",
                                "SPDXRef-Package-rpm-tzdata"),
                        org.assertj.core.api.Assertions.tuple(FindingSeverity.INFO, "packages",
                                "SPDXRef-Package-rpm-tzdata"));
        assertThat(missing.get(2).message()).startsWith("1 of 3 packages have no version");
        assertThat(missing.get(3).message()).startsWith("1 of 3 packages have no supplier");
        assertThat(doc.packages()).hasSize(3);
        NtiaSummary ntia = NtiaSummary.of(doc);
        assertThat(ntia.toString()).isEqualTo("NTIA minimum elements: supplier 2/3, name 2/3, version 2/3, "
                + "unique id 3/3, relationships no, author yes, timestamp yes"); // only DESCRIBES
    }

    @Test
    void noassertionCountsAreAnInfoSummary() {
        ReadFinding f = only(read("noassertion.spdx.json"), ReadRules.NOASSERTION);
        assertThat(f.severity()).isEqualTo(FindingSeverity.INFO);
        assertThat(f.message()).isEqualTo("NOASSERTION in 3 packages: declared licence 2, concluded licence 0, "
                + "supplier 3, download location 3");
    }

    @Test
    void spdx3DuplicateElementsOpenWithTheFirstDefinition() {
        SbomDocument doc = read("spdx3-duplicate-elements.spdx3.json");
        List<ReadFinding> dup = doc.findings().stream().filter(f -> f.rule().equals(ReadRules.DUPLICATE_ID)).toList();
        assertThat(dup).extracting(ReadFinding::severity, ReadFinding::line, ReadFinding::elementId).containsExactly(
                org.assertj.core.api.Assertions.tuple(FindingSeverity.WARNING, 106,
                        "urn:uuid:92c6754b-d6e9-48b7-8b86-54fdc89995a6"),
                org.assertj.core.api.Assertions.tuple(FindingSeverity.ERROR, 116,
                        "urn:uuid:a9f18ff3-17fa-419d-8966-abe4b992312b"));
        assertThat(doc.packages()).singleElement().extracting(SbomPackage::version).isEqualTo("1.16.4");
        assertThat(doc.files()).hasSize(1);
        assertThat(doc.relationships()).singleElement().extracting(SbomRelationship::type).isEqualTo("CONTAINS");
    }

    @Test
    void cycloneDxBomRefCollisionsKeepBothComponents() {
        SbomDocument doc = read("bom-ref-collision.cdx.json");
        ReadFinding f = only(doc, ReadRules.DUPLICATE_ID);
        assertThat(f.severity()).isEqualTo(FindingSeverity.ERROR);
        assertThat(f.field()).isEqualTo("packages[2]");
        assertThat(f.elementId()).isEqualTo("pkg:npm/lodash@4.17.21?package-id=1f2e");
        assertThat(doc.packages()).extracting(SbomPackage::name).containsExactly("registry.example/web", "lodash",
                "lodash", "express");
        assertThat(only(doc, ReadRules.METADATA_COMPONENT).elementId()).isEqualTo("a1b2c3");
    }

    @Test
    void cycloneDxXmlWithNestedComponentsAndADependencyOnAnUndefinedRef() {
        SbomDocument doc = read("nested-dangling.cdx.xml");
        assertThat(doc.format()).isEqualTo(SbomFormat.CYCLONEDX_XML);
        assertThat(doc.spdxVersion()).isEqualTo("CycloneDX-1.4");
        ReadFinding f = only(doc, ReadRules.DANGLING_REFERENCE);
        assertThat(f.severity()).isEqualTo(FindingSeverity.ERROR);
        assertThat(f.elementId()).isEqualTo("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.14.1");
        assertThat(f.message()).contains("pkg:maven/com.fasterxml.jackson.core/jackson-core@2.14.1");
        assertThat(only(doc, ReadRules.NESTED_COMPONENTS).message()).startsWith("1 components are nested");
        assertThat(only(doc, ReadRules.METADATA_COMPONENT).elementId()).isEqualTo("pkg:maven/com.example/shop@1.0.0");
        // the subject, two components and the nested one
        assertThat(doc.packages()).extracting(SbomPackage::name).containsExactly("com.example/shop",
                "org.springframework.boot/spring-boot-starter-web", "com.fasterxml.jackson.core/jackson-databind",
                "org.springframework/spring-web");
        assertThat(doc.relationships()).extracting(SbomRelationship::toString).contains(
                "pkg:maven/org.springframework.boot/spring-boot-starter-web@3.0.1 CONTAINS "
                        + "pkg:maven/org.springframework/spring-web@6.0.3");
    }

    @Test
    void aTagValueFileCutInsideATextValueOpensUpToTheCut() {
        SbomDocument doc = read("truncated-text.spdx");
        ReadFinding f = only(doc, ReadRules.TRUNCATED);
        assertThat(f.severity()).isEqualTo(FindingSeverity.ERROR);
        assertThat(f.where()).isEqualTo("line 29, PackageCopyrightText");
        assertThat(doc.packages()).extracting(SbomPackage::name).containsExactly("bootloader", "rtos");
        assertThat(doc.packages().get(1).copyright()).isEqualTo(
                "Copyright (C) 2021 Amazon.com, Inc. or its affiliates.\nAll rights reserved");
    }
}
