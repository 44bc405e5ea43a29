package io.slipway.core.sbom.read;

import java.util.Set;

/** Every tag SPDX 2.0 to 2.3 tag-value defines, so the reader can tell an unknown tag from one it skips. */
final class TagValueTags {
    static final Set<String> KNOWN = Set.of(
            // document creation information
            "SPDXVersion", "DataLicense", "SPDXID", "DocumentName", "DocumentNamespace", "ExternalDocumentRef",
            "LicenseListVersion", "Creator", "Created", "CreatorComment", "DocumentComment",
            // package
            "PackageName", "PackageVersion", "PackageFileName", "PackageSupplier", "PackageOriginator",
            "PackageDownloadLocation", "FilesAnalyzed", "PackageVerificationCode", "PackageChecksum",
            "PackageHomePage", "PackageSourceInfo", "PackageLicenseConcluded", "PackageLicenseInfoFromFiles",
            "PackageLicenseDeclared", "PackageLicenseComments", "PackageCopyrightText", "PackageSummary",
            "PackageDescription", "PackageComment", "ExternalRef", "ExternalRefComment", "PackageAttributionText",
            "PrimaryPackagePurpose", "ReleaseDate", "BuiltDate", "ValidUntilDate",
            // file
            "FileName", "FileType", "FileChecksum", "LicenseConcluded", "LicenseInfoInFile", "LicenseComments",
            "FileCopyrightText", "FileComment", "FileNotice", "FileContributor", "FileAttributionText",
            "FileDependency", "ArtifactOfProjectName", "ArtifactOfProjectHomePage", "ArtifactOfProjectURI",
            // snippet
            "SnippetSPDXID", "SnippetFromFileSPDXID", "SnippetByteRange", "SnippetLineRange",
            "SnippetLicenseConcluded", "LicenseInfoInSnippet", "SnippetLicenseComments", "SnippetCopyrightText",
            "SnippetComment", "SnippetName", "SnippetAttributionText",
            // other licensing information
            "LicenseID", "ExtractedText", "LicenseName", "LicenseCrossReference", "LicenseComment",
            // relationships, annotations, reviews
            "Relationship", "RelationshipComment", "Annotator", "AnnotationDate", "AnnotationType", "SPDXREF",
            "AnnotationComment", "Reviewer", "ReviewDate", "ReviewComment");

    private TagValueTags() {
    }
}
