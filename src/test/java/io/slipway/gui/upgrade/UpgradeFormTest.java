package io.slipway.gui.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UpgradeFormTest {
    private static final List<PlannedTarget> ONE = List.of(new PlannedTarget("n1", "tool", "1.0.0", "2.0.0"));

    @Test
    void defaultsAreOneCanaryThenAQuarterThenAllWithAStrictCanaryAndATwoMinuteWatch() {
        UpgradeForm form = new UpgradeForm("offer", ONE, "lab");
        assertThat(form.wavesProperty().get()).isEqualTo("1,25%,100%");
        assertThat(form.canaryFailuresAllowed()).isZero();
        assertThat(form.laterFailurePercentAllowed()).isEqualTo(10);
        assertThat(form.watchSeconds()).isEqualTo(120);
        assertThat(form.problemProperty().get()).isEmpty();
        assertThat(form.canSubmitProperty().get()).isTrue();
    }

    @Test
    void eachBadFieldIsNamedAndBlocksTheStart() {
        UpgradeForm form = new UpgradeForm("offer", ONE, "lab");
        form.wavesProperty().set("1,abc");
        assertThat(form.problemProperty().get()).startsWith("Waves: 'abc'");
        assertThat(form.canSubmitProperty().get()).isFalse();
        form.wavesProperty().set("2,150%");
        assertThat(form.problemProperty().get()).startsWith("Waves: '150%'");
        form.wavesProperty().set("2, 50%, 100%");
        assertThat(form.problemProperty().get()).isEmpty();

        form.canaryMaxFailuresProperty().set("-1");
        assertThat(form.problemProperty().get()).startsWith("Canary failures allowed");
        form.canaryMaxFailuresProperty().set("1");
        form.laterMaxFailuresProperty().set("120%");
        assertThat(form.problemProperty().get()).startsWith("Later failures allowed");
        form.laterMaxFailuresProperty().set("25");
        assertThat(form.laterFailurePercentAllowed()).isEqualTo(25);
        form.watchProperty().set("soon");
        assertThat(form.problemProperty().get()).startsWith("Watch window");
        form.watchProperty().set("2m");
        assertThat(form.watchSeconds()).isEqualTo(120);
        form.watchProperty().set("15 s");
        assertThat(form.watchWindow().toSeconds()).isEqualTo(15);
        form.registryProperty().set("");
        assertThat(form.problemProperty().get()).isEqualTo("Choose the registry.");
    }

    @Test
    void noTargetsNothingToStartAndThePassphraseIsWiped() {
        UpgradeForm empty = new UpgradeForm("offer", List.of(), "lab");
        assertThat(empty.problemProperty().get()).startsWith("Nothing to upgrade");

        UpgradeForm form = new UpgradeForm("offer", ONE, "lab");
        form.passphrase().set("secret".toCharArray());
        form.wipe();
        assertThat(form.passphrase().isEmpty()).isTrue();
    }
}
