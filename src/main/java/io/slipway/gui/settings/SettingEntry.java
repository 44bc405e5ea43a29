package io.slipway.gui.settings;

/** One stored setting. */
public record SettingEntry(String name, String value) {
}
