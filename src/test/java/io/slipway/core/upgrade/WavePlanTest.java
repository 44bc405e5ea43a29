package io.slipway.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.core.common.UserFacingException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WavePlanTest {
    private static List<Integer> nodes(int n) {
        return IntStream.rangeClosed(1, n).boxed().toList();
    }

    @Test
    void theDefaultIsOneCanaryThenAQuarterThenTheRest() {
        List<List<Integer>> waves = WavePlan.parse(WavePlan.DEFAULT).split(nodes(20));

        assertThat(waves).extracting(List::size).containsExactly(1, 4, 15);
        assertThat(waves.get(0)).containsExactly(1);
        assertThat(waves.stream().mapToInt(List::size).sum()).isEqualTo(20);
    }

    @Test
    void entriesThatReachNoNewNodeAddNoWave() {
        assertThat(WavePlan.parse("1,25%,100%").split(nodes(3))).extracting(List::size).containsExactly(1, 2);
        assertThat(WavePlan.parse("1,25%,100%").split(nodes(1))).extracting(List::size).containsExactly(1);
        assertThat(WavePlan.parse("100%").split(nodes(3))).extracting(List::size).containsExactly(3);
    }

    @Test
    void theLastWaveTakesTheRest() {
        assertThat(WavePlan.parse("1,2").split(nodes(5))).extracting(List::size).containsExactly(1, 4);
    }

    @Test
    void badEntriesAreNamed() {
        assertThatThrownBy(() -> WavePlan.parse("1,x%")).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("'x%'");
        assertThatThrownBy(() -> WavePlan.parse("0,100%")).hasMessageContaining("'0'");
        assertThatThrownBy(() -> WavePlan.parse("150%")).hasMessageContaining("'150%'");
    }

    @Test
    void failureSharesParseAndCompare() {
        assertThat(FailureShare.parse("--max-failures", "10%")).isEqualTo(0.10);
        assertThat(FailureShare.parse("--max-failures", "0.25")).isEqualTo(0.25);
        assertThat(FailureShare.format(0.1)).isEqualTo("10%");
        assertThat(FailureShare.exceeded(0, 1, 0)).isFalse();
        assertThat(FailureShare.exceeded(1, 1, 0)).isTrue();
        assertThat(FailureShare.exceeded(1, 10, 0.10)).isFalse();
        assertThat(FailureShare.exceeded(2, 10, 0.10)).isTrue();
        assertThatThrownBy(() -> FailureShare.parse("--max-failures", "120%"))
                .hasMessageContaining("--max-failures '120%'");
    }
}
