package io.slipway.gui.sbom;

import io.slipway.core.sbom.Component;
import io.slipway.core.sbom.ComponentType;
import io.slipway.core.sbom.read.SbomPackage;
import io.slipway.core.sbom.release.ReleaseComponent;
import io.slipway.gui.common.Formats;
import java.util.Locale;

/**
 * One component (or untagged package) of the SBOM table. Immutable; the lower-case search key is built
 * once so a filter keystroke over 50k rows is one {@code contains} per row. {@code source} is what the row was
 * made from (a {@link SbomPackage}, a {@link ReleaseComponent} or a workspace {@link Component}) for the detail
 * pane.
 */
public final class ComponentRow {
    /** The tier label of packages that carry no Slipway type tag. */
    public static final String UNTAGGED = "untagged";

    private final String id;
    private final String name;
    private final String version;
    private final ComponentType type;
    private final String mode;
    private final String nativeId;
    private final String declaredLicence;
    private final String concludedLicence;
    private final String copyright;
    private final String status;
    private final Object source;
    private final String searchKey;
    /** Index of {@link #chartLicence()} among the loaded rows' licences (set by the view-model on load). */
    int licenceSlot;

    public ComponentRow(String id, String name, String version, ComponentType type, String mode, String nativeId,
                        String declaredLicence, String concludedLicence, String copyright, String status,
                        Object source) {
        this.id = id;
        this.name = nz(name);
        this.version = nz(version);
        this.type = type;
        this.mode = nz(mode);
        this.nativeId = nz(nativeId);
        this.declaredLicence = nz(declaredLicence);
        this.concludedLicence = nz(concludedLicence);
        this.copyright = oneLine(copyright);
        this.status = nz(status);
        this.source = source;
        this.searchKey = String.join("\u0000", this.name, this.version, tier(), this.mode, this.nativeId,
                this.declaredLicence, this.concludedLicence, this.copyright, this.status, nz(id))
                .toLowerCase(Locale.ROOT);
    }

    static ComponentRow of(Component c, String status, Object source) {
        return new ComponentRow(c.id(), c.name(), c.version(), c.type(),
                c.mode() == null ? "" : Integer.toString(c.mode().number()), c.nativeId(), c.declaredLicence(),
                c.concludedLicence(), c.copyright(), status, source);
    }

    static ComponentRow of(SbomPackage p) {
        return p.component().map(c -> of(c, "", p))
                .orElseGet(() -> new ComponentRow(p.spdxId(), p.name(), p.version(), null, "", "", p.declaredLicence(),
                        p.concludedLicence(), p.copyright(), "", p));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String oneLine(String text) {
        return text == null || text.isBlank() ? "" : String.join("; ", text.strip().split("\\R+"));
    }

    /** True if the lower-case {@code needle} occurs in any shown field. */
    public boolean matches(String needle) {
        return needle.isEmpty() || searchKey.contains(needle);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    /** The type tag, null for an untagged package. */
    public ComponentType type() {
        return type;
    }

    /** The tier shown and grouped by: the type's label or {@value #UNTAGGED}. */
    public String tier() {
        return type == null ? UNTAGGED : type.label();
    }

    /** Release order of the tiers; untagged packages last. */
    public int tierOrder() {
        return type == null ? ComponentType.values().length : type.ordinal();
    }

    public String mode() {
        return mode;
    }

    public String nativeId() {
        return nativeId;
    }

    public String declaredLicence() {
        return declaredLicence;
    }

    public String concludedLicence() {
        return concludedLicence;
    }

    public String copyright() {
        return copyright;
    }

    /** The release gate's verdict for this component (PASS, WARN, FAIL), empty when no gate ran. */
    public String status() {
        return status;
    }

    public Object source() {
        return source;
    }

    /** The licence the charts count: the declared one, "(none)" when absent. */
    public String chartLicence() {
        return Formats.orNone(declaredLicence.isEmpty() ? null : declaredLicence);
    }

    @Override
    public String toString() {
        return tier() + " " + name + " " + version;
    }
}
