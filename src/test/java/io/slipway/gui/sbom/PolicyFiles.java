package io.slipway.gui.sbom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Release policy files made from the sample's (sample/release-policy.yaml) for the SBOM view's tests: the sample's
 * five {@code LicenseRef-*} licences (two third-party, three owned components) become unclassified.
 */
final class PolicyFiles {
    static final Path SAMPLE_POLICY = Path.of("sample/release-policy.yaml");
    /** Components of the sample release set whose licence is a {@code LicenseRef-*}. */
    static final int LICENCE_REF_COMPONENTS = 5;

    private PolicyFiles() {
    }

    /** Unclassified licences WARN (the rule's default): statuses change, publishing stays possible. */
    static Path warning(Path dir) throws IOException {
        return Files.writeString(dir.resolve("warn-policy.yaml"), unclassified());
    }

    /** Unclassified licences FAIL: publishing is refused. */
    static Path failing(Path dir) throws IOException {
        String text = unclassified();
        int last = text.lastIndexOf("severity: WARN"); // the unclassified-licence rule closes the file
        return Files.writeString(dir.resolve("fail-policy.yaml"),
                text.substring(0, last) + "severity: FAIL" + text.substring(last + "severity: WARN".length()));
    }

    /** A field the policy format does not know: the reader refuses it, naming the file, the line and the field. */
    static Path unknownField(Path dir) throws IOException {
        return Files.writeString(dir.resolve("bad-policy.yaml"), Files.readString(SAMPLE_POLICY) + "reviewer: jane\n");
    }

    private static String unclassified() throws IOException {
        String text = Files.readString(SAMPLE_POLICY);
        if (!text.contains("\"LicenseRef-*\"") || !text.trim().endsWith("severity: WARN")) {
            throw new IllegalStateException(SAMPLE_POLICY + " changed: adapt " + PolicyFiles.class.getSimpleName());
        }
        return text.replace("\"LicenseRef-*\"", "\"LicenseRef-None-*\"");
    }
}
