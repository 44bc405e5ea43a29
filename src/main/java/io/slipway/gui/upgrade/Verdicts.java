package io.slipway.gui.upgrade;

import io.slipway.core.upgrade.RunStatus;
import io.slipway.core.upgrade.TargetAction;
import io.slipway.core.upgrade.TargetPhase;
import io.slipway.core.upgrade.UpgradeStatus;
import io.slipway.core.upgrade.UpgradeTargetRecord;

/**
 * How the console words a target's two verdicts and its end, each with a symbol so they read without colour, and
 * the CSS class that colours them (colours live in the stylesheet). "Succeeded but abnormal, rolled back" is amber
 * with ↩, never the red ✖ of a failed upgrade.
 */
public final class Verdicts {
    private Verdicts() {
    }

    /** {@code ✔ succeeded}, {@code ✖ failed at push}, or empty while unknown. */
    public static String upgrade(UpgradeTargetRecord t) {
        if (t.upgradeStatus() == null) {
            return "";
        }
        return t.upgradeStatus() == UpgradeStatus.SUCCEEDED ? "✔ succeeded"
                : "✖ failed" + (t.failedStep() == null || t.failedStep().isBlank() ? "" : " at " + t.failedStep());
    }

    /** {@code ♥ healthy (health command)}, {@code ⚠ abnormal (liveness only)}, {@code – not checked}, or empty. */
    public static String run(UpgradeTargetRecord t) {
        if (t.runStatus() == null) {
            return "";
        }
        String basis = t.basis() == null || t.runStatus() == RunStatus.NOT_CHECKED ? "" : " (" + t.basis().label() + ")";
        return switch (t.runStatus()) {
            case HEALTHY -> "♥ healthy" + basis;
            case ABNORMAL -> "⚠ abnormal" + basis;
            case NOT_CHECKED -> "– not checked";
        };
    }

    /** The end in words: {@code ✔ committed}, {@code ↩ rolled back (abnormal)}, {@code ✖ failed}, … or the phase. */
    public static String outcome(UpgradeTargetRecord t) {
        if (t.action() != null) {
            return switch (t.action()) {
                case COMMITTED -> "✔ committed";
                case ROLLED_BACK -> "↩ rolled back (abnormal)";
                case FAILED -> "✖ failed";
                case SKIPPED -> "○ skipped";
            };
        }
        return switch (t.phase()) {
            case ABORTED -> "■ aborted";
            case INTERRUPTED -> "◆ interrupted";
            default -> t.phase().label();
        };
    }

    /** {@code outcome-committed}, {@code outcome-rolled-back}, {@code outcome-failed}, … for the row's colours. */
    public static String styleClass(UpgradeTargetRecord t) {
        if (t.action() == TargetAction.ROLLED_BACK || t.action() == null && t.runStatus() == RunStatus.ABNORMAL) {
            return "outcome-rolled-back";
        }
        if (t.action() == TargetAction.FAILED || t.upgradeStatus() == UpgradeStatus.FAILED) {
            return "outcome-failed";
        }
        if (t.action() == TargetAction.COMMITTED) {
            return "outcome-committed";
        }
        if (t.action() == TargetAction.SKIPPED || t.phase() == TargetPhase.ABORTED) {
            return "outcome-skipped";
        }
        return t.phase() == TargetPhase.INTERRUPTED ? "outcome-interrupted" : "outcome-running";
    }
}
