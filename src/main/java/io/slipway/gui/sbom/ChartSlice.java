package io.slipway.gui.sbom;

/** One slice of a pie: a label and how many components it counts. */
public record ChartSlice(String label, long count) {
}
