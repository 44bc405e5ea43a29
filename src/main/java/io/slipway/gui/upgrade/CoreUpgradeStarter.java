package io.slipway.gui.upgrade;

import io.slipway.core.SlipwayCore;
import io.slipway.core.registry.Registries;
import io.slipway.core.registry.RegistryAccess;
import io.slipway.core.registry.RegistryConfig;
import io.slipway.core.upgrade.UpgradeListener;
import io.slipway.core.upgrade.UpgradeRequest;
import io.slipway.core.upgrade.UpgradeRun;
import io.slipway.gui.deploy.CoreDeployStarter;
import java.util.List;
import java.util.concurrent.Executor;

/** {@link UpgradeStarter} over the core's upgrade service and registries. */
public final class CoreUpgradeStarter implements UpgradeStarter {
    private final SlipwayCore core;
    private final Executor pipelines;
    private final CoreDeployStarter.RegistryOpener registries;

    /** @param pipelines runs the targets; must offer at least the run's parallelism in threads */
    public CoreUpgradeStarter(SlipwayCore core, Executor pipelines, CoreDeployStarter.RegistryOpener registries) {
        this.core = core;
        this.pipelines = pipelines;
        this.registries = registries;
    }

    @Override
    public List<String> registries() {
        return core.registries().list().stream().map(RegistryConfig::name).toList();
    }

    @Override
    public UpgradeRun start(UpgradeForm form, char[] passphrase, UpgradeListener listener) {
        RunScope scope = form.scope();
        UpgradeRequest request = UpgradeRequest.of(scope.offer(), scope.nodes()).withWaves(form.wavePlan())
                .withThresholds(form.canaryFailuresAllowed(), form.laterFailuresAllowed())
                .withWatch(form.watchWindow()).withInstallMissing(scope.installMissing())
                .withReason(form.reasonProperty().get() == null || form.reasonProperty().get().isBlank() ? null
                        : form.reasonProperty().get().strip());
        return core.upgradeService().start(request, open(form.registryProperty().get(), passphrase), pipelines,
                listener);
    }

    @Override
    public UpgradeRun resume(long runId, String registry, char[] passphrase, UpgradeListener listener) {
        return core.upgradeService().resume(runId, open(registry, passphrase), pipelines, listener);
    }

    @Override
    public UpgradeRun retry(long runId, String registry, char[] passphrase, UpgradeListener listener) {
        return core.upgradeService().retry(runId, open(registry, passphrase), pipelines, listener);
    }

    @Override
    public void abort(long runId) {
        core.upgradeService().abort(runId);
    }

    private RegistryAccess open(String registry, char[] passphrase) {
        try {
            return registries.open(registry, passphrase == null || passphrase.length == 0 ? null : passphrase);
        } finally {
            if (passphrase != null) {
                Registries.wipe(passphrase);
            }
        }
    }
}
