package io.slipway.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.core.common.UserFacingException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageNameTest {
    @Test
    void repositoryTagDigestAndHost() {
        assertThat(ImageName.parse("slipway/base")).isEqualTo(new ImageName(Optional.empty(), "slipway/base",
                Optional.empty()));
        assertThat(ImageName.parse("slipway/base:1")).isEqualTo(new ImageName(Optional.empty(), "slipway/base",
                Optional.of("1")));
        assertThat(ImageName.parse("127.0.0.1:5443/slipway/base:1.2")).isEqualTo(new ImageName(
                Optional.of("127.0.0.1:5443"), "slipway/base", Optional.of("1.2")));
        String digest = "sha256:" + "a".repeat(64);
        ImageName d = ImageName.parse("localhost/team/app@" + digest);
        assertThat(d.host()).hasValue("localhost");
        assertThat(d.reference()).hasValue(digest);
        assertThat(d.toString()).isEqualTo("localhost/team/app@" + digest);
        assertThat(ImageName.parse("harbor.example.com/lib/app").toString()).isEqualTo("harbor.example.com/lib/app");
    }

    @Test
    void invalidNamesAreRefusedWithTheName() {
        assertThatThrownBy(() -> ImageName.parse("Upper/Case")).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("'Upper/Case'");
        assertThatThrownBy(() -> ImageName.parse("a/b:bad tag")).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> ImageName.parse("a/b@nodigest")).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> ImageName.parse("")).isInstanceOf(UserFacingException.class);
    }
}
