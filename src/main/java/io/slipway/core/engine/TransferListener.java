package io.slipway.core.engine;

/** Receives pull/push progress; called on the engine client's stream thread, so keep it quick. */
@FunctionalInterface
public interface TransferListener {
    TransferListener NONE = p -> { };

    void progress(TransferProgress progress);
}
