package io.slipway.gui.sbom;

import io.slipway.core.sbom.Component;
import io.slipway.gui.common.Formats;

/** A line of the SBOM tree: a tier heading or a component. */
public record SbomRow(String name, String version, String type, String mode, String licence, String copyright,
                      String nativeId, boolean tier) {
    static SbomRow of(SbomTier tier) {
        return new SbomRow(tier.label(), "", "", "", "", "", "", true);
    }

    static SbomRow of(Component c) {
        return new SbomRow(c.name(), c.version(), c.type().label(), c.mode().toString(),
                Formats.orNone(c.declaredLicence()), oneLine(c.copyright()), Formats.orNone(c.nativeId()), false);
    }

    /** Several copyright lines become one table line. */
    private static String oneLine(String text) {
        return Formats.orNone(text == null ? null : String.join("; ", text.strip().split("\\R+")));
    }
}
