package io.slipway.gui.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.gui.SampleConsoleFixture;
import java.net.InetAddress;
import java.net.ServerSocket;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import org.junit.jupiter.api.Test;

/**
 * The Add, Log-in and Remove dialogs of the Registry view, headless on the sample workspace, offline: the login
 * goes to a closed loopback port, so the registry's refusal path is exercised without a registry.
 */
class RegistryDialogsTest extends SampleConsoleFixture {
    private static final String PASSPHRASE = "registry dialogs passphrase";

    @Test
    void addShowsTheCoreRulesThenStoresSelectsAndRemoveAsksFirst() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        openConsole();
        robot.clickOn("#nav-registry");
        ComboBox<String> choice = robot.lookup("#registryChoice").query();

        // Cancel stores nothing
        robot.clickOn("#registryAddButton");
        robot.clickOn("#registryName").write("dropped");
        robot.clickOn("Cancel");
        assertThat(core.registries().find("dropped")).isEmpty();

        robot.clickOn("#registryAddButton");
        robot.clickOn("#registryName").write("lab-plain");
        robot.clickOn("#registryUrl").write("http://127.0.0.1:" + closedPort);
        Label error = robot.lookup("#registryFormError").query();
        waitUntil(() -> error.getText().contains("\"Allow plain HTTP\""));
        assertThat(okButton().isDisabled()).isTrue();
        Label warning = robot.lookup("#registryInsecureHttpWarning").query();
        assertThat(warning.isVisible()).isFalse();
        assertThat(robot.lookup("#credentialPassphrase").queryAs(PasswordField.class).isDisabled()).isTrue();
        robot.clickOn("#registryInsecureHttp");
        waitUntil(() -> warning.isVisible() && error.getText().isEmpty() && !okButton().isDisabled());
        assertThat(warning.getText()).startsWith("Plain HTTP");
        robot.clickOn(okButton());
        waitUntil(() -> "lab-plain".equals(choice.getValue()));
        assertThat(core.registries().get("lab-plain").plainHttp()).isTrue();
        assertThat(robot.lookup("#registryWarning").queryAs(Label.class).getText()).contains("uses plain HTTP");

        // Log in: checked in the background against the registry; its refusal stays in the dialog, nothing stored
        robot.clickOn("#registryLoginButton");
        robot.clickOn("#credentialUsername").write("ci");
        robot.clickOn("#credentialPassword").write("some-password");
        robot.clickOn("#credentialPassphrase").write(PASSPHRASE);
        if (robot.lookup("#credentialPassphraseConfirm").tryQuery().isPresent()) {
            robot.clickOn("#credentialPassphraseConfirm").write(PASSPHRASE);
        }
        waitUntil(() -> !okButton().isDisabled());
        robot.clickOn(okButton());
        Label loginError = robot.lookup("#registryFormError").query();
        waitUntil(() -> loginError.getText().startsWith("Login denied. Registry 'lab-plain'"));
        assertThat(loginError.getText()).contains("unreachable");
        robot.clickOn("Cancel");
        assertThat(core.registries().get("lab-plain").hasCredentials()).isFalse();

        robot.clickOn("#registryRemoveButton");
        waitUntil(() -> robot.lookup(".dialog-pane .content").queryAll().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().contains("Remove registry 'lab-plain'")));
        robot.clickOn("OK");
        waitUntil(() -> !choice.getItems().contains("lab-plain"));
        assertThat(core.registries().find("lab-plain")).isEmpty();
    }

    private Button okButton() {
        return robot.lookup(".dialog-pane .button").queryAll().stream().filter(n -> n instanceof Button b
                && "OK".equals(b.getText())).map(Button.class::cast).findFirst().orElseThrow();
    }
}
