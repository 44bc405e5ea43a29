package io.slipway.gui;

import io.slipway.core.SlipwayCore;
import io.slipway.core.sample.SampleSource;
import java.nio.file.Path;
import java.util.Optional;

/** A real H2 workspace seeded with the bundled sample: 4 nodes, 1 offer, 2 deploys, 11 components. */
public final class SampleWorkspace {
    private SampleWorkspace() {
    }

    public static SlipwayCore open(Path dir) {
        return SlipwayCore.open(dir, Optional.of(SampleSource.bundled()));
    }
}
