package io.slipway.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.core.engine.SlipwayLabels;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildEnvContractTest {
    static Map<String, String> labels() {
        Map<String, String> l = new HashMap<>();
        l.put(SlipwayLabels.ENV_PACKAGE, "slipway/packages/hello:1.0");
        l.put(SlipwayLabels.ENV_DATA_VOLUME, "/data/");
        l.put(SlipwayLabels.ENV_TRANSFER_PORT, "8080");
        l.put(SlipwayLabels.ENV_TOOLCHAIN_INSTALL, "sh /opt/install.sh");
        l.put(SlipwayLabels.ENV_BUILD_COMMAND, "make");
        l.put(SlipwayLabels.ENV_OUTPUT_PATH, "/out");
        return l;
    }

    @Test
    void parsesTheContract() {
        BuildEnvContract c = BuildEnvContract.parse("env:1", labels(), "reg:5000");
        assertThat(c.packageRef().toString()).isEqualTo("reg:5000/slipway/packages/hello:1.0");
        assertThat(c.packagePath()).isEqualTo("/package");
        assertThat(c.dataVolume()).isEqualTo("/data");
        assertThat(c.transferPort()).isEqualTo("8080/tcp");
        assertThat(c.outputPath()).isEqualTo("/out");
    }

    @Test
    void everyRequiredLabelIsNamedWhenMissing() {
        for (String label : new String[] {SlipwayLabels.ENV_PACKAGE, SlipwayLabels.ENV_DATA_VOLUME,
                SlipwayLabels.ENV_TRANSFER_PORT, SlipwayLabels.ENV_TOOLCHAIN_INSTALL, SlipwayLabels.ENV_BUILD_COMMAND,
                SlipwayLabels.ENV_OUTPUT_PATH}) {
            Map<String, String> l = labels();
            l.remove(label);
            assertThatThrownBy(() -> BuildEnvContract.parse("reg:5000/env:1", l, "reg:5000"))
                    .isInstanceOf(LabelContractException.class)
                    .hasMessage("build environment reg:5000/env:1: label " + label + " is missing (see docs/labels.md)");
        }
    }

    @Test
    void malformedLabelsAreNamed() {
        Map<String, Object[]> cases = Map.of(
                SlipwayLabels.ENV_TRANSFER_PORT, new Object[] {"99999", "expected a port 1-65535"},
                SlipwayLabels.ENV_DATA_VOLUME, new Object[] {"data", "expected an absolute path"},
                SlipwayLabels.ENV_OUTPUT_PATH, new Object[] {"/out/../etc", "expected an absolute path"},
                SlipwayLabels.ENV_PACKAGE, new Object[] {"other.registry:443/p:1", "names registry other.registry:443"},
                SlipwayLabels.ENV_BUILD_COMMAND, new Object[] {"  ", "is empty"});
        cases.forEach((label, c) -> {
            Map<String, String> l = labels();
            l.put(label, (String) c[0]);
            assertThatThrownBy(() -> BuildEnvContract.parse("env:1", l, "reg:5000"))
                    .isInstanceOf(LabelContractException.class)
                    .hasMessageContaining("label " + label).hasMessageContaining((String) c[1]);
        });
        Map<String, String> noTag = labels();
        noTag.put(SlipwayLabels.ENV_PACKAGE, "slipway/packages/hello");
        assertThatThrownBy(() -> BuildEnvContract.parse("env:1", noTag, "reg:5000")).hasMessageContaining("needs a tag");
    }
}
