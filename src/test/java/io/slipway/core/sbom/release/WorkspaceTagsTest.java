package io.slipway.core.sbom.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.core.SlipwayCore;
import io.slipway.core.audit.AuditEvent;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.sbom.ComponentType;
import io.slipway.core.sbom.ReleaseMode;
import io.slipway.core.sbom.read.ComponentTags;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tags set in the workspace: stored, stacked over the SBOM's, audited, and kept across reopening. */
class WorkspaceTagsTest {
    @TempDir
    Path tmp;

    @Test
    void setOverrideAndClearAreAuditedWithOldAndNew() {
        try (SlipwayCore core = SlipwayCore.open(tmp, Optional.empty())) {
            WorkspaceTags tags = core.componentTags();
            assertThat(tags.set("ffmpeg-adas", TagKey.MODE, "2")).isEmpty();
            assertThat(tags.set("ffmpeg-adas", TagKey.MODE, "1")).contains("2");
            assertThat(tags.set("ffmpeg-adas", TagKey.TYPE, "DERIVATIVE")).isEmpty();
            assertThat(tags.set("ffmpeg-adas", TagKey.NATIVE, "ffmpeg")).isEmpty();
            assertThat(tags.set("ffmpeg-adas", TagKey.NATIVE, "ffmpeg")).contains("ffmpeg");
            assertThat(tags.set("ffmpeg-adas", TagKey.NATIVE, "")).contains("ffmpeg");

            assertThat(tags.all()).extracting(WorkspaceTags.StoredTag::key, WorkspaceTags.StoredTag::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(TagKey.MODE, "1"),
                            org.assertj.core.groups.Tuple.tuple(TagKey.TYPE, "derivative"));
            assertThat(tags.overrides().get("ffmpeg-adas"))
                    .isEqualTo(new Tags(ComponentType.DERIVATIVE, ReleaseMode.FULL, null, null));

            List<AuditEvent> events = core.audit().latest(10).stream()
                    .filter(e -> e.action().equals(WorkspaceTags.AUDIT_ACTION)).toList();
            // the no-op second "native=ffmpeg" is not a change and not recorded
            assertThat(events).hasSize(5);
            assertThat(events.get(0).subject()).isEqualTo("ffmpeg-adas");
            assertThat(events.get(0).detailsJson()).isEqualTo("{\"new\":null,\"old\":\"ffmpeg\",\"tag\":\"native\"}");
            assertThat(events.get(3).detailsJson()).isEqualTo("{\"new\":\"1\",\"old\":\"2\",\"tag\":\"mode\"}");
            assertThat(core.audit().verify().intact()).isTrue();
        }
        try (SlipwayCore core = SlipwayCore.open(tmp, Optional.empty())) {
            assertThat(core.componentTags().get("ffmpeg-adas", TagKey.MODE)).contains("1");
        }
    }

    @Test
    void invalidValuesAreRefusedAndNothingIsStored() {
        try (SlipwayCore core = SlipwayCore.open(tmp, Optional.empty())) {
            long before = core.audit().count();
            assertThatThrownBy(() -> core.componentTags().set("x", TagKey.MODE, "4"))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("release mode must be 1, 2 or 3");
            assertThatThrownBy(() -> core.componentTags().set("x", TagKey.TYPE, "vendor"))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("unknown component type 'vendor'");
            assertThatThrownBy(() -> core.componentTags().set("../x", TagKey.TYPE, "owned"))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("not a valid component id");
            assertThat(core.componentTags().all()).isEmpty();
            assertThat(core.audit().count()).isEqualTo(before);
        }
    }

    @Test
    void annotationsRoundTripAndLaterLayersWin() {
        Tags sbom = new Tags(ComponentType.DERIVATIVE, ReleaseMode.FULL, "ffmpeg", "ffmpeg-adas@6.1-adas2");
        assertThat(sbom.annotatedAs("ffmpeg-adas").comments()).containsExactly("slipway:id=ffmpeg-adas",
                "slipway:type=derivative", "slipway:mode=1", "slipway:native=ffmpeg",
                "slipway:source-id=ffmpeg-adas@6.1-adas2");
        assertThat(Tags.of(ComponentTags.parseComments(sbom.annotatedAs("x").comments()).tags())).isEqualTo(sbom);
        Tags ws = Tags.NONE.with(TagKey.MODE, "3");
        assertThat(sbom.overriddenBy(ws)).isEqualTo(new Tags(ComponentType.DERIVATIVE, ReleaseMode.SPDX_ONLY, "ffmpeg",
                "ffmpeg-adas@6.1-adas2"));
        assertThat(sbom.overriddenBy(Tags.NONE)).isEqualTo(sbom);
    }
}
