package io.slipway.cli;

import io.slipway.core.common.SlipwayVersion;
import picocli.CommandLine.IVersionProvider;

/** Prints the build's version. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"slipway " + SlipwayVersion.get()};
    }
}
