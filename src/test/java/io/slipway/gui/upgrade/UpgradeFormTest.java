package io.slipway.gui.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.upgrade.UpgradeDiff;
import io.slipway.core.upgrade.UpgradeOffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpgradeFormTest {
    private static final UpgradeOffer OFFER = new UpgradeOffer(1, "offer", Instant.EPOCH, Map.of("tool", "2.0.0"));
    private static final RunScope ONE = new RunScope(OFFER, List.of(), false,
            List.of(new UpgradeDiff.Target("n1", "tool", "1.0.0", "2.0.0")), 0);

    @Test
    void defaultsAreTheCoresOneCanaryThenAQuarterThenAllStrictCanaryTwoMinuteWatch() {
        UpgradeForm form = new UpgradeForm(ONE, "lab");
        assertThat(form.wavesProperty().get()).isEqualTo("1,25%,100%");
        assertThat(form.canaryMaxFailuresProperty().get()).isEqualTo("0%");
        assertThat(form.canaryFailuresAllowed()).isZero();
        assertThat(form.laterFailuresAllowed()).isEqualTo(0.10);
        assertThat(form.watchSeconds()).isEqualTo(120);
        assertThat(form.problemProperty().get()).isEmpty();
        assertThat(form.canSubmitProperty().get()).isTrue();
        assertThat(form.wavePlan().split(List.of(1, 2, 3, 4, 5, 6, 7, 8))).hasSize(3);
    }

    @Test
    void eachBadFieldIsNamedInConsoleTermsAndBlocksTheStart() {
        UpgradeForm form = new UpgradeForm(ONE, "lab");
        form.wavesProperty().set("1,abc");
        assertThat(form.problemProperty().get()).startsWith("Waves '1,abc': 'abc'").doesNotContain("--");
        assertThat(form.canSubmitProperty().get()).isFalse();
        form.wavesProperty().set("2,150%");
        assertThat(form.problemProperty().get()).contains("'150%'");
        form.wavesProperty().set("2, 50%, 100%");
        assertThat(form.problemProperty().get()).isEmpty();

        form.canaryMaxFailuresProperty().set("-1");
        assertThat(form.problemProperty().get()).startsWith("Canary failures allowed '-1'");
        form.canaryMaxFailuresProperty().set("0");
        form.laterMaxFailuresProperty().set("120%");
        assertThat(form.problemProperty().get()).startsWith("Later failures allowed '120%'");
        form.laterMaxFailuresProperty().set("25%");
        assertThat(form.laterFailuresAllowed()).isEqualTo(0.25);
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
        UpgradeForm empty = new UpgradeForm(new RunScope(OFFER, List.of(), false, List.of(), 0), "lab");
        assertThat(empty.problemProperty().get()).startsWith("Nothing to upgrade");

        UpgradeForm form = new UpgradeForm(ONE, "lab");
        form.passphrase().set("secret".toCharArray());
        form.wipe();
        assertThat(form.passphrase().isEmpty()).isTrue();
    }
}
