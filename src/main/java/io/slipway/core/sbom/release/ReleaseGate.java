package io.slipway.core.sbom.release;

import io.slipway.core.sbom.ComponentType;
import io.slipway.core.sbom.ReleaseMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The release gate: licence policy x release mode. Each finding names the component, the rule and the fix;
 * publishing is refused while a FAIL stands (see {@link GateResult#blocksPublishing}).
 */
public final class ReleaseGate {
    /** The rule of a component document with error findings (always FAIL). */
    public static final String DOCUMENT_ERRORS = "component-document-errors";

    private ReleaseGate() {
    }

    public static GateResult evaluate(LoadedRelease release, ReleasePolicy policy) {
        List<Finding> findings = new ArrayList<>();
        for (ReleaseComponent c : release.components()) {
            documentErrors(c, findings);
            Tags t = c.tags();
            missingTags(policy, c, findings);
            if (t.type() != null && policy.rule(ReleasePolicy.MISSING_LICENCE).types().contains(t.type())
                    && LicenceExpressions.isMissing(c.effectiveLicence())) {
                add(findings, policy, ReleasePolicy.MISSING_LICENCE, c, "a " + t.type() + " component without a "
                        + "licence (declared " + c.declaredLicence() + ", concluded " + c.concludedLicence() + ")",
                        "add SPDX-License-Identifier lines or a LICENSE file naming the licence to its sources (or "
                        + "'licence' in the release-set manifest) and regenerate the SBOM", false);
            }
            if (t.type() == ComponentType.DERIVATIVE) {
                Optional<ReleaseComponent> nat = resolveNative(policy, release, c, findings);
                if (nat.isPresent() && t.mode() != null && t.mode() != ReleaseMode.FULL) {
                    Set<String> groups = new LinkedHashSet<>(policy.groupsOf(nat.get().effectiveLicence()));
                    groups.retainAll(policy.rule(ReleasePolicy.COPYLEFT_DERIVATIVE_SOURCE).nativeGroups());
                    if (!groups.isEmpty()) {
                        add(findings, policy, ReleasePolicy.COPYLEFT_DERIVATIVE_SOURCE, c, "derivative of "
                                + nat.get().id() + " (" + nat.get().effectiveLicence() + ", " + String.join("/", groups)
                                + ") is released in mode " + t.mode().number() + "; its modified source must ship",
                                "release " + c.id() + " in mode 1 (SPDX + modified source + binaries)", false);
                    }
                }
            }
            if (t.type() == ComponentType.OWNED && t.mode() == ReleaseMode.FULL) {
                Severity s = policy.rule(ReleasePolicy.OWNED_SOURCE).severity();
                add(findings, policy, ReleasePolicy.OWNED_SOURCE, c, "owned component in mode 1: its proprietary "
                        + "source would be published", s == Severity.WARN ? "if that is intended, confirm it "
                        + "(--confirm-owned-source); otherwise release it in mode 2 or 3" : "release it in mode 2 or 3",
                        s == Severity.WARN);
            }
            String licence = c.effectiveLicence();
            if (!LicenceExpressions.isMissing(licence)) {
                for (String id : LicenceExpressions.ids(licence)) {
                    if (!id.equalsIgnoreCase(LicenceExpressions.NOASSERTION) && !id.equalsIgnoreCase(LicenceExpressions.NONE)
                            && policy.groupOf(id).isEmpty()) {
                        add(findings, policy, ReleasePolicy.UNCLASSIFIED_LICENCE, c, "licence " + id
                                + " is in no licence group", "add " + id + " to a licence group of the policy ("
                                + policy.source() + ")", false);
                    }
                }
            }
        }
        return new GateResult(List.copyOf(findings));
    }

    /**
     * A component document with error findings (reading is lenient for browsing, strict for releasing): one FAIL
     * per component, naming the first defects. Not configurable: Slipway does not publish a defective SBOM.
     */
    private static void documentErrors(ReleaseComponent c, List<Finding> findings) {
        List<String> errors = c.documentErrors();
        if (errors.isEmpty()) {
            return;
        }
        String first = String.join("; ", errors.subList(0, Math.min(3, errors.size())));
        findings.add(new Finding(c.id(), c.name(), DOCUMENT_ERRORS, Severity.FAIL, "its SBOM document "
                + c.document().getFileName() + " has " + errors.size() + " error finding" + (errors.size() == 1 ? "" : "s")
                + ": " + first + (errors.size() > 3 ? "; ..." : ""), "fix the document (slipway sbom validate "
                + c.document() + " lists every finding) or regenerate it with 'slipway sbom generate'", false));
    }

    private static void missingTags(ReleasePolicy policy, ReleaseComponent c, List<Finding> findings) {
        List<String> missing = new ArrayList<>();
        if (c.tags().type() == null) {
            missing.add("type");
        }
        if (c.tags().mode() == null) {
            missing.add("mode");
        }
        if (!missing.isEmpty()) {
            add(findings, policy, ReleasePolicy.MISSING_TAGS, c, "no " + String.join(" and no ", missing)
                    + " tag: it cannot be placed", "set the " + String.join(" and ", missing) + " tag in the "
                    + "workspace, or in the release-set manifest and regenerate", false);
        }
    }

    private static Optional<ReleaseComponent> resolveNative(ReleasePolicy policy, LoadedRelease release,
                                                            ReleaseComponent c, List<Finding> findings) {
        String nativeId = c.tags().nativeId();
        String fix = "set the native tag of " + c.id() + " to the id of its upstream open-source or third-party "
                + "component in this release (workspace, or 'native' in the manifest), adding that component if needed";
        if (nativeId == null) {
            add(findings, policy, ReleasePolicy.UNRESOLVED_NATIVE, c, "derivative names no native component", fix,
                    false);
            return Optional.empty();
        }
        Optional<ReleaseComponent> nat = release.byId(nativeId);
        if (nat.isEmpty() || nativeId.equals(c.id())) {
            add(findings, policy, ReleasePolicy.UNRESOLVED_NATIVE, c, "native '" + nativeId + "' is not a component "
                    + "of this release", fix, false);
            return Optional.empty();
        }
        ComponentType nt = nat.get().tags().type();
        if (nt != ComponentType.OPEN_SOURCE && nt != ComponentType.THIRD_PARTY) {
            add(findings, policy, ReleasePolicy.UNRESOLVED_NATIVE, c, "native '" + nativeId + "' is "
                    + (nt == null ? "untyped" : nt.label()) + "; a native must be open-source or third-party", fix, false);
            return Optional.empty();
        }
        return nat;
    }

    private static void add(List<Finding> findings, ReleasePolicy policy, String rule, ReleaseComponent c,
                            String message, String fix, boolean needsConfirmation) {
        Severity s = policy.rule(rule).severity();
        if (s != Severity.OFF) {
            findings.add(new Finding(c.id(), c.name(), rule, s, message, fix, needsConfirmation && s == Severity.WARN));
        }
    }
}
