package io.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.sbom.release.TagKey;
import io.slipway.testsupport.ChildJvm;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kill -9} in the middle of the workspace writes (node add, registry add, tag edit, audit append), as a real
 * child process writing through the core services: the workspace opens at once, the audit chain is intact and every
 * write that returned before the kill is there.
 */
class CrashAtWriteTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"nodes", "registries", "tags", "audit"})
    void aKillMidWriteLosesNothingThatWasStored(String kind) throws Exception {
        SlipwayCore.open(dir, Optional.empty()).close();
        int confirmed;
        try (ChildJvm child = ChildJvm.start(WriteLoop.class, dir.toString(), kind)) {
            child.awaitLine("wrote 40", 120);
            child.kill9(); // while it goes on writing
            confirmed = lastWrite(child.transcript());
        }
        long t0 = System.nanoTime();
        try (SlipwayCore core = SlipwayCore.open(dir, Optional.empty())) {
            double recover = (System.nanoTime() - t0) / 1e9;
            assertThat(core.audit().verify().intact()).as("audit chain").isTrue();
            for (int i = 0; i <= confirmed; i++) {
                assertStored(core, kind, i);
            }
            // and the workspace takes writes again, the chain still whole
            WriteLoop.write(core, kind, 100_000);
            assertThat(core.audit().verify().intact()).isTrue();
            System.out.printf("RECOVERY kill9-mid-%s: %d writes confirmed before the kill, all there; open + verify "
                    + "%.2f s; manual steps 0%n", kind, confirmed + 1, recover);
        }
    }

    private static void assertStored(SlipwayCore core, String kind, int i) {
        switch (kind) {
            case "nodes" -> assertThat(core.inventory().require("node-" + i).labels()).containsEntry("i",
                    String.valueOf(i));
            case "registries" -> assertThat(core.registries().find("reg-" + i)).as("reg-" + i).isPresent();
            case "tags" -> assertThat(core.componentTags().get("comp-" + i, TagKey.MODE)).contains(WriteLoop.modeOf(i));
            case "audit" -> assertThat(core.audit().latest(Integer.MAX_VALUE)).anySatisfy(e ->
                    assertThat(e.subject()).isEqualTo("event-" + i));
            default -> throw new IllegalArgumentException(kind);
        }
    }

    private static int lastWrite(String transcript) {
        int last = -1;
        for (String line : transcript.split("\n")) {
            if (line.startsWith("wrote ")) {
                last = Math.max(last, Integer.parseInt(line.substring(6).trim()));
            }
        }
        return last;
    }
}
