package io.slipway.core.sbom;

/** What a component's release publishes. */
public enum ReleaseMode {
    /** SPDX + modified source + binaries. */
    FULL(1, "SPDX + source + binaries"),
    /** SPDX + binaries. */
    BINARY(2, "SPDX + binaries"),
    /** SPDX only: consumers fetch the unmodified upstream source by name and version. */
    SPDX_ONLY(3, "SPDX only");

    private final int number;
    private final String description;

    ReleaseMode(int number, String description) {
        this.number = number;
        this.description = description;
    }

    public int number() {
        return number;
    }

    public String description() {
        return description;
    }

    public static ReleaseMode of(int number) {
        for (ReleaseMode m : values()) {
            if (m.number == number) {
                return m;
            }
        }
        throw new IllegalArgumentException("release mode must be 1, 2 or 3, not " + number);
    }

    /** The mode written as text ({@code "1"}, {@code "2"}, {@code "3"}), as tags and the workspace hold it. */
    public static ReleaseMode parse(String text) {
        try {
            return of(Integer.parseInt(text.strip()));
        } catch (IllegalArgumentException e) { // NumberFormatException too: one message for every bad value
            throw new IllegalArgumentException("release mode must be 1, 2 or 3, not '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return number + " (" + description + ")";
    }
}
