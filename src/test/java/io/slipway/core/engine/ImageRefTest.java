package io.slipway.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageRefTest {
    @Test
    void splitsRegistryPathTagDigest() {
        ImageRef r = ImageRef.parse("127.0.0.1:5000/slipway/buildenv/hello:1.0");
        assertThat(r.registry()).isEqualTo("127.0.0.1:5000");
        assertThat(r.path()).isEqualTo("slipway/buildenv/hello");
        assertThat(r.tag()).isEqualTo("1.0");
        assertThat(r.repository()).isEqualTo("127.0.0.1:5000/slipway/buildenv/hello");
        assertThat(ImageRef.parse("slipway/pkg:2").onRegistry("reg.lab:443").toString()).isEqualTo("reg.lab:443/slipway/pkg:2");
        assertThat(ImageRef.parse("busybox").tagOrDefault()).isEqualTo("latest");
        String d = "sha256:" + "a".repeat(64);
        assertThat(ImageRef.parse("localhost/x@" + d).digest()).isEqualTo(d);
    }

    @Test
    void refusesMalformed() {
        assertThatThrownBy(() -> ImageRef.parse("Slipway/UPPER:1")).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> ImageRef.parse("x:bad tag")).hasMessageContaining("bad tag");
        assertThatThrownBy(() -> ImageRef.parse(" ")).hasMessageContaining("empty");
    }

    @Test
    void sanitizes() {
        assertThat(ImageRef.sanitizeTag("1.0+build/7")).isEqualTo("1.0-build-7");
        assertThat(ImageRef.sanitizeTag("-x")).isEqualTo("v-x");
        assertThat(ImageRef.sanitizePath("Perception Core")).isEqualTo("perception-core");
    }

    @Test
    void engineErrorBodiesBecomeMessages() {
        assertThat(EngineClient.engineMessage("Status 500: {\"message\":\"boom\"}\n")).isEqualTo("boom");
        assertThat(EngineClient.engineMessage("plain")).isEqualTo("plain");
        assertThat(EngineClient.normalizeArch("x86_64")).isEqualTo("amd64");
    }
}
