package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.registry.RegistryConfig;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;

/**
 * Registries managed in the console, headless, against the environment's real TLS + htpasswd registry: Add… (with
 * its CA file and a new workspace passphrase), Log in / Change credentials… (refused, then accepted), browsing,
 * the New-deploy dialog offering the new registry, and Remove.
 */
class RegistryManageIT extends ConsoleFixture {
    private static final String PASSPHRASE = "registry manage it passphrase";
    private static final String NAME = "it-gui";

    @Test
    void addLogInBrowseOfferToDeployAndRemoveFromTheConsole() throws Exception {
        workspace();
        openConsole();
        robot.clickOn("#nav-registry");
        Label status = lookup("#registryStatus");
        waitUntil(() -> status.getText().contains("use Add…"));

        // Add…: the core's rules show in the dialog and keep OK disabled until the input is valid
        robot.clickOn("#registryAddButton");
        robot.clickOn("#registryName").write(NAME);
        robot.clickOn("#registryUrl").write("http://" + TestEnvironment.registry());
        Label formError = lookup("#registryFormError");
        waitUntil(() -> formError.getText().contains("plain HTTP"));
        assertThat(okButton().isDisabled()).isTrue();
        setText("#registryUrl", "https://" + TestEnvironment.registry());
        robot.clickOn("#registryCaFile").write(TestEnvironment.registryCa().toString());
        robot.clickOn("#credentialUsername").write(TestEnvironment.registryUser());
        robot.clickOn("#credentialPassword").write(TestEnvironment.registryPassword());
        robot.clickOn("#credentialPassphrase").write(PASSPHRASE);
        waitUntil(() -> formError.getText().startsWith("Confirm passphrase"));
        assertThat(okButton().isDisabled()).isTrue();
        robot.clickOn("#credentialPassphraseConfirm").write(PASSPHRASE);
        waitUntil(() -> formError.getText().isEmpty() && !okButton().isDisabled());
        robot.clickOn(okButton());

        ComboBox<String> choice = lookup("#registryChoice");
        waitUntil(() -> NAME.equals(choice.getValue()));
        RegistryConfig cfg = support.core.registries().get(NAME);
        assertThat(cfg.url().toString()).isEqualTo("https://" + TestEnvironment.registry());
        assertThat(cfg.caPem()).contains("BEGIN CERTIFICATE");
        assertThat(cfg.hasCredentials()).isTrue();
        assertThat(this.<Label>lookup("#registryNotice").getText()).startsWith("Registry '" + NAME + "' added");

        // Log in / Change credentials…: a wrong password is refused by the registry and the dialog says why
        robot.clickOn("#registryLoginButton");
        TextField user = lookup("#credentialUsername");
        assertThat(user.getText()).isEqualTo(TestEnvironment.registryUser());
        robot.clickOn("#credentialPassword").write("not-the-registry-password");
        robot.clickOn("#credentialPassphrase").write(PASSPHRASE);
        robot.clickOn(okButton());
        Label loginError = lookup("#registryFormError");
        waitUntil(() -> loginError.getText().startsWith("Login denied."));
        assertThat(loginError.getText()).contains("rejected the credentials of user '"
                + TestEnvironment.registryUser() + "'");
        setText("#credentialPassword", TestEnvironment.registryPassword());
        waitUntil(() -> !okButton().isDisabled());
        robot.clickOn(okButton());
        Label notice = lookup("#registryNotice");
        waitUntil(() -> notice.getText().startsWith("Login succeeded: registry '" + NAME + "'"));
        assertThat(notice.getText()).contains("accepted user '" + TestEnvironment.registryUser() + "' (Basic)");
        assertThat(support.core.audit().latest(5)).anyMatch(e -> e.action().equals("registry.credentials"));

        // browse it with the stored (sealed) credentials
        waitUntil(() -> NAME.equals(choice.getValue()));
        robot.clickOn("#registryPassphrase").write(PASSPHRASE);
        robot.clickOn("#registryConnectButton");
        ListView<String> repositories = lookup("#registryRepositories");
        waitUntil(() -> repositories.getItems().contains(RegistryAccessIT.baseRepo()));

        // the New-deploy dialog reads the registries when it opens
        openNewDeployDialog();
        ComboBox<String> deployRegistry = lookup("#deployRegistry");
        waitUntil(() -> deployRegistry.getItems().contains(NAME));
        robot.clickOn("Cancel");

        // Remove asks first, naming the registry
        robot.clickOn("#nav-registry");
        robot.clickOn("#registryRemoveButton");
        waitUntil(() -> robot.lookup(".dialog-pane .content").queryAll().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().contains("Remove registry '" + NAME + "'")));
        robot.clickOn("OK");
        waitUntil(() -> !choice.getItems().contains(NAME));
        assertThat(support.core.registries().find(NAME)).isEmpty();
        assertThat(notice.getText()).isEqualTo("Registry '" + NAME + "' removed.");
        waitUntil(() -> status.getText().contains("use Add…"));
    }

    /** The OK button of the dialog that is open. */
    private Button okButton() {
        return robot.lookup(".dialog-pane .button").queryAll().stream().filter(n -> n instanceof Button b
                && "OK".equals(b.getText())).map(Button.class::cast).findFirst().orElseThrow();
    }

    private void setText(String query, String text) throws Exception {
        TextField field = lookup(query);
        onFx(() -> {
            field.setText(text);
            return null;
        });
    }
}
