package io.slipway.gui.upgrade;

/**
 * One cell the Upgrade… dialog will act on: an upgrade of what the node has ({@code from} → {@code to}) or, only
 * when "also install where missing" was chosen, an install ({@code from} null).
 */
public record PlannedTarget(String node, String software, String from, String to) {
    public boolean isInstall() {
        return from == null;
    }

    /** {@code build-node-01  perception-core 2.3.1 → 2.4.0} or {@code … map-service install 1.1.0}. */
    public String describe() {
        return node + "  " + software + " " + (isInstall() ? "install " + to : from + " → " + to);
    }
}
