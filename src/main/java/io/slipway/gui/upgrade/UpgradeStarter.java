package io.slipway.gui.upgrade;

import io.slipway.core.upgrade.UpgradeListener;
import io.slipway.core.upgrade.UpgradeRun;
import java.util.List;

/** What the live upgrade view needs from the core (called off the FX thread). */
public interface UpgradeStarter {
    /** The registry names Upgrade… offers. */
    List<String> registries();

    /** Opens the registry (wiping the passphrase) and starts the run of the form; events go to {@code listener}. */
    UpgradeRun start(UpgradeForm form, char[] passphrase, UpgradeListener listener);

    /** Goes on with a paused or interrupted run. */
    UpgradeRun resume(long runId, String registry, char[] passphrase, UpgradeListener listener);

    /** Runs the failed, abnormal, aborted and interrupted targets of a run again. */
    UpgradeRun retry(long runId, String registry, char[] passphrase, UpgradeListener listener);

    /** Aborts a paused or interrupted run (one running here is aborted through its {@link UpgradeRun}). */
    void abort(long runId);
}
