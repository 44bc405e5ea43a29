package io.slipway.core.engine;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a reachable engine reported about itself: engine kind ({@code docker} or {@code podman}), version, API
 * version, OS/arch, CPUs, memory, and the software Slipway installed (from its software images' labels:
 * software name → highest version present).
 */
public record EngineFacts(String kind, String engineVersion, String apiVersion, String os, String arch, int cpus,
                          long memoryBytes, Map<String, String> installed) {
    public EngineFacts {
        installed = Map.copyOf(installed);
    }

    public String osArch() {
        return os + "/" + arch;
    }

    /** Installed software in name order. */
    public Map<String, String> installedSorted() {
        return new TreeMap<>(installed);
    }
}
