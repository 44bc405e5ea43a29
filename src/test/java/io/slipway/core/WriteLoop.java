package io.slipway.core;

import io.slipway.core.inventory.NodeSpec;
import io.slipway.core.registry.RegistrySpec;
import io.slipway.core.sbom.release.TagKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test helper run as a child process that is killed mid-write: {@code WriteLoop DIR KIND} writes through the core
 * services (each write audited) as fast as it can and prints {@code wrote N} after write N returned, so the test
 * knows what was stored before the SIGKILL. KIND: nodes, registries, tags, audit.
 */
public final class WriteLoop {
    private WriteLoop() {
    }

    public static void main(String[] args) {
        String kind = args[1];
        try (SlipwayCore core = SlipwayCore.open(Path.of(args[0]), Optional.empty())) {
            for (int i = 0; ; i++) {
                write(core, kind, i);
                System.out.println("wrote " + i);
                System.out.flush();
            }
        }
    }

    static void write(SlipwayCore core, String kind, int i) {
        switch (kind) {
            case "nodes" -> core.inventory().add(new NodeSpec("node-" + i, "tcp://127.0.0.1:" + (20000 + i), null,
                    List.of("crash"), Map.of("i", String.valueOf(i)), "written before the kill"));
            case "registries" -> core.registries().add(new RegistrySpec("reg-" + i, "http://127.0.0.1:" + (30000 + i),
                    null, null, true, false), null, null);
            case "tags" -> core.componentTags().set("comp-" + i, TagKey.MODE, modeOf(i));
            case "audit" -> core.audit().record("test.event", "event-" + i, Map.of("i", i));
            default -> throw new IllegalArgumentException(kind);
        }
    }

    static String modeOf(int i) {
        return String.valueOf(1 + i % 3);
    }
}
