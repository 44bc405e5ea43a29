package io.slipway.gui.deploy;

import io.slipway.core.deploy.DeployRecord;
import io.slipway.gui.common.Formats;
import java.time.Duration;

/** One deploy as the master table shows it; keeps the record for the detail rows. */
public record DeployRow(DeployRecord record, String software, String version, String state, String started,
                        String duration, long done, long skipped, long failed) {
    public static DeployRow of(DeployRecord d) {
        String duration = d.finishedAt() == null || d.startedAt() == null ? "running"
                : Formats.duration(Duration.between(d.startedAt(), d.finishedAt()));
        return new DeployRow(d, d.software(), d.version() + (d.forced() ? " (forced)" : ""), d.state().name(),
                Formats.time(d.startedAt()), duration, d.countIn("DONE"), d.countIn("SKIPPED"), d.countIn("FAILED"));
    }

    public String counts() {
        return done + " / " + skipped + " / " + failed;
    }
}
