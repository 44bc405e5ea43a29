package io.slipway.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.core.SlipwayCore;
import io.slipway.core.audit.AuditEvent;
import io.slipway.core.common.UserFacingException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preferences on a real workspace: defaults, checked values naming the setting, audited changes, all or nothing. */
class PreferencesTest {
    @TempDir
    Path dir;
    private SlipwayCore core;

    @BeforeEach
    void open() {
        core = SlipwayCore.open(dir.resolve("ws"), Optional.empty());
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void defaultsUntilSetThenStoredAndAuditedWithOldAndNewValue() {
        Preferences prefs = core.preferences();
        assertThat(prefs.getInt(Preference.DEFAULT_PARALLELISM)).isEqualTo(4);
        assertThat(prefs.get(Preference.THEME)).isEqualTo("system");
        long eventsBefore = core.audit().count();

        assertThat(prefs.set(Preference.DEFAULT_PARALLELISM, " 8 ")).isTrue();

        assertThat(prefs.getInt(Preference.DEFAULT_PARALLELISM)).isEqualTo(8);
        assertThat(core.settings().get("deploy.parallelism")).contains("8");
        AuditEvent last = core.audit().latest(1).get(0);
        assertThat(core.audit().count()).isEqualTo(eventsBefore + 1);
        assertThat(last.action()).isEqualTo("setting.changed");
        assertThat(last.subject()).isEqualTo("deploy.parallelism");
        assertThat(last.detailsJson()).contains("\"from\":\"4\"").contains("\"to\":\"8\"");

        // the same value again changes nothing and records nothing
        assertThat(prefs.set(Preference.DEFAULT_PARALLELISM, "8")).isFalse();
        assertThat(core.audit().count()).isEqualTo(eventsBefore + 1);
    }

    @Test
    void aBadValueIsRefusedNamingTheSettingAndNothingIsStored() {
        Preferences prefs = core.preferences();
        long eventsBefore = core.audit().count();

        assertThatThrownBy(() -> prefs.setAll(Map.of(Preference.RETRY_ATTEMPTS, "5",
                Preference.UPGRADE_MAX_FAILED_PERCENT, "150", Preference.THEME, "purple")))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("upgrade.maxFailedPercent").hasMessageContaining("'150'")
                .hasMessageContaining("0 to 100")
                .hasMessageContaining("console.theme").hasMessageContaining("system, light, dark");

        // the good value in the same change was not stored either
        assertThat(prefs.getInt(Preference.RETRY_ATTEMPTS)).isEqualTo(3);
        assertThat(core.settings().get("retry.attempts")).isEmpty();
        assertThat(core.audit().count()).isEqualTo(eventsBefore);
        assertThat(core.audit().verify().intact()).isTrue();
    }

    @Test
    void aStoredValueNoLongerAllowedReadsAsTheDefault() {
        core.settings().put("deploy.parallelism", "many");
        assertThat(core.preferences().getInt(Preference.DEFAULT_PARALLELISM)).isEqualTo(4);
    }
}
