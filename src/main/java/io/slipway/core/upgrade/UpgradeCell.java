package io.slipway.core.upgrade;

import io.slipway.core.common.Versions;

/** One node × software cell of the upgrade diff: what is installed, what is offered, whether it is a target. */
public record UpgradeCell(String software, String installed, String offered) {
    /** Only strictly newer offers become upgrade targets. */
    public boolean isTarget() {
        return offered != null && Versions.isNewer(offered, installed);
    }

    public String display() {
        if (offered == null) {
            return installed == null ? "" : installed;
        }
        if (isTarget()) {
            return (installed == null ? "—" : installed) + " → " + offered;
        }
        return installed + " (current)";
    }
}
