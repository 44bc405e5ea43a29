package io.slipway.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionsTest {
    @ParameterizedTest
    @CsvSource({
        "2.4.0, 2.3.1, true",
        "2.4.0, 2.4.0, false",
        "2.3.0, 2.4.0, false",
        "1.10.0, 1.9.0, true",
        "2.0.0, 2.0.0-rc1, true",
        "2.0.0-rc1, 2.0.0, false",
        "1.2, 1.1.9, true",
        "v3, 2.9.9, true",
    })
    void onlyStrictlyNewerCounts(String offered, String installed, boolean newer) {
        assertThat(Versions.isNewer(offered, installed)).isEqualTo(newer);
    }

    @ParameterizedTest
    @CsvSource({"2023.03-adas2, 2023.03-adas1", "b-release, a-release"})
    void oddVersionsStillOrder(String later, String earlier) {
        assertThat(Versions.compare(later, earlier)).isPositive();
        assertThat(Versions.compare(earlier, later)).isNegative();
    }

    @org.junit.jupiter.api.Test
    void nothingInstalledMakesAnyOfferATarget() {
        assertThat(Versions.isNewer("0.0.1", null)).isTrue();
    }
}
