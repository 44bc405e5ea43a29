package io.slipway.core.common;

/**
 * How long-running core work reports how far it got and learns that it should stop. The UI and the CLI
 * implement it; core code only calls it, so it stays free of any UI toolkit.
 */
public interface Progress {
    /** Reports nothing and never cancels: for callers that do not watch. */
    Progress NONE = new Progress() {
        @Override
        public void progress(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** {@code total <= 0} means the amount of work is not known. May be called very often, from any thread. */
    void progress(long done, long total, String message);

    /** True once the user asked to stop; work should check it between steps and return early. */
    boolean isCancelled();
}
