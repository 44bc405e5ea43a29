package io.slipway.core.inventory;

/** What the last probe found; UNKNOWN until a node has been probed. */
public enum NodeStatus {
    UNKNOWN, REACHABLE, UNREACHABLE
}
