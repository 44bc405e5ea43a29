package io.slipway.core.engine;

/** Receives output lines of an exec or build, without the line end; called on the stream thread. */
@FunctionalInterface
public interface LineListener {
    LineListener NONE = (line, stderr) -> { };

    void line(String line, boolean stderr);
}
