package io.slipway.core.sbom.release;

import io.slipway.core.sbom.Component;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One component of a loaded release: what its SPDX document says, with its effective tags (document, then index,
 * then workspace) and the tags before the workspace's overrides ({@code sbomTags}). {@code documentErrors}: the
 * error findings of reading its document (one line each); the release gate turns them into FAILs.
 */
public record ReleaseComponent(String id, String name, String version, Tags tags, Tags sbomTags, String supplier,
                               String downloadLocation, String declaredLicence, String concludedLicence,
                               String copyright, Map<String, String> licenceTexts, Path document,
                               String documentNamespace, String documentSha1, List<ComponentFile> files,
                               List<String> documentErrors) {
    public ReleaseComponent {
        documentErrors = documentErrors == null ? List.of() : List.copyOf(documentErrors);
    }

    /** The licence policy judges: the concluded licence when someone concluded one, else the declared one. */
    public String effectiveLicence() {
        return LicenceExpressions.isMissing(concludedLicence) ? declaredLicence : concludedLicence;
    }

    /** The folder name in a published release: {@code <name>-<version>}. */
    public String folderName() {
        return name + "-" + version;
    }

    /** The shared component model (for the UI's tables), with the effective tags. */
    public Component toComponent() {
        return new Component(id, name, version, tags.type(), tags.mode(), tags.nativeId(), supplier, declaredLicence,
                concludedLicence, copyright);
    }
}
