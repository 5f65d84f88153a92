package org.policykb.build;

/**
 * Where a long build reports how far it has come: a progress bar on a terminal, nothing elsewhere (the plain
 * summary at the end says it all). Implementations must accept calls from several threads.
 */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void stage(String name, int total) {
        }

        @Override
        public void advance() {
        }
    };

    /** A stage starts with {@code total} steps (0 when unknown). */
    void stage(String name, int total);

    /** One step of the current stage is done. */
    void advance();
}
