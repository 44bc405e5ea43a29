package io.slipway.core.sbom.release;

/**
 * Receives a publication's progress (for a progress bar) and can cancel it; cancellation is checked between
 * files, and a cancelled publication leaves nothing behind.
 */
public interface PublishProgress {
    PublishProgress NONE = (doneBytes, totalBytes, doneFiles, totalFiles, message) -> {
    };

    /** Called after each file (and within big files): bytes and files done so far, of the totals. */
    void update(long doneBytes, long totalBytes, int doneFiles, int totalFiles, String message);

    /** Asked before each file; true stops the publication. */
    default boolean cancelled() {
        return false;
    }
}
