package io.slipway.gui;

import io.slipway.gui.deploy.DeployProgressViewModel;
import io.slipway.gui.registry.RegistryAdmin;
import io.slipway.gui.sbom.PublishForm;
import io.slipway.gui.shell.CompletionNotices;
import io.slipway.gui.shell.ConsoleView;

/** Which ends of work the console announces: a deploy, a publish, a registry login (or add). */
final class NoticeWiring {
    private NoticeWiring() {
    }

    static void wire(CompletionNotices notices, DeployProgressViewModel live, PublishForm publish, RegistryAdmin registry) {
        live.activeProperty().addListener((obs, was, now) -> {
            if (was && !now) {
                int failed = live.failedProperty().get();
                notices.ended(ConsoleView.DEPLOYS, "Deploy ended", live.titleProperty().get() + ": "
                        + live.summaryProperty().get(), failed > 0, () -> { });
            }
        });
        publish.publishingProperty().addListener((obs, was, now) -> {
            if (was && !now) {
                boolean failed = publish.resultProperty().get() == null;
                notices.ended(ConsoleView.SBOM, failed ? "Publish failed" : "Publish ended",
                        publish.messageProperty().get(), failed, () -> { });
            }
        });
        registry.noticeProperty().addListener((obs, was, now) -> {
            if (now != null && !now.isEmpty()) {
                notices.ended(ConsoleView.REGISTRY, "Registry", now, false, () -> { });
            }
        });
    }
}
