package io.slipway.gui.registry;

/** One image label, as the labels table shows it. */
public record LabelRow(String name, String value) {
}
