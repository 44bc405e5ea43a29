package io.slipway.gui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.slipway.core.settings.Preference;
import io.slipway.gui.SampleConsoleFixture;
import io.slipway.gui.look.Theme;
import javafx.application.Application;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/**
 * The Settings view, clicked through headless on a real workspace: switching the theme restyles the open window
 * at once, is stored, audited and still applied after a restart; a bad number is refused naming the setting.
 */
class ThemeAndPreferencesTest extends SampleConsoleFixture {

    @Test
    void switchingTheThemeRestylesTheWindowAndSurvivesARestart() throws Exception {
        workspace().preferences().set(Preference.THEME, "light");
        openConsole();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        assertThat(contentBrightness()).isGreaterThan(0.8);

        robot.clickOn("#nav-settings");
        ChoiceBox<Theme> choice = lookup("#themeChoice");
        assertThat(choice.getValue()).isEqualTo(Theme.LIGHT);
        robot.clickOn(choice);
        robot.clickOn("Dark");

        waitUntil(() -> new PrimerDark().getUserAgentStylesheet().equals(Application.getUserAgentStylesheet()));
        waitUntil(() -> contentBrightness() < 0.3);
        assertThat(core.preferences().get(Preference.THEME)).isEqualTo("dark");
        assertThat(core.audit().latest(1).get(0).action()).isEqualTo("setting.changed");
        assertThat(core.audit().latest(1).get(0).detailsJson()).contains("\"to\":\"dark\"");

        closeConsole();
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            return null;
        });
        openConsole();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(contentBrightness()).isLessThan(0.3);
        // leave the toolkit-wide look as the other tests expect it
        onFx(() -> {
            Theme.LIGHT.apply();
            return null;
        });
    }

    @Test
    void aBadNumberIsRefusedNamingTheSettingAndNothingIsStored() throws Exception {
        openConsole();
        robot.clickOn("#nav-settings");
        TextField parallelism = lookup("#pref-deploy-parallelism");
        TextField attempts = lookup("#pref-retry-attempts");
        robot.doubleClickOn(attempts).write("5");
        robot.doubleClickOn(parallelism).write("0");
        robot.clickOn("#savePreferences");

        Label error = lookup("#preferencesError");
        waitUntil(error::isVisible);
        assertThat(error.getText()).contains("deploy.parallelism").contains("'0'").contains("1 to 64");
        assertThat(core.preferences().getInt(Preference.RETRY_ATTEMPTS)).isEqualTo(3);

        robot.doubleClickOn(parallelism).write("6");
        robot.clickOn("#savePreferences");
        waitUntil(() -> !error.isVisible());
        assertThat(this.<Label>lookup("#preferencesMessage").getText()).isEqualTo("Saved 2 settings.");
        assertThat(core.preferences().getInt(Preference.DEFAULT_PARALLELISM)).isEqualTo(6);
        assertThat(core.preferences().getInt(Preference.RETRY_ATTEMPTS)).isEqualTo(5);
    }

    /** Brightness of the content area's background, as painted by the current theme. */
    private double contentBrightness() throws Exception {
        return onFx(() -> {
            Region content = lookup(".content");
            content.applyCss();
            return ((Color) content.getBackground().getFills().get(0).getFill()).getBrightness();
        });
    }
}
