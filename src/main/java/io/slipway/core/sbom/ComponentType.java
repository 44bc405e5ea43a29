package io.slipway.core.sbom;

import java.util.Arrays;

/** The tier of a component, which decides where its release output is classified. */
public enum ComponentType {
    OPEN_SOURCE("open-source"), THIRD_PARTY("third-party"), DERIVATIVE("derivative"), OWNED("owned");

    private final String label;

    ComponentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ComponentType fromLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label) || t.name().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown component type '" + label
                        + "' (expected open-source, third-party, derivative or owned)"));
    }

    @Override
    public String toString() {
        return label;
    }
}
