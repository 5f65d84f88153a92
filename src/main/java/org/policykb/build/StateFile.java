package org.policykb.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file of the state folder whole: the new content is written beside it and renamed over it, so a build
 * killed while writing leaves the previous file, never half of a new one.
 */
final class StateFile {
    /** Writes the new content into the file it is given. */
    @FunctionalInterface
    interface Content {
        void writeTo(Path file) throws IOException;
    }

    private StateFile() {
    }

    static void replace(Path stateDir, String fileName, Content content) throws IOException {
        Files.createDirectories(stateDir);
        Path tmp = stateDir.resolve(fileName + ".tmp");
        content.writeTo(tmp);
        Files.move(tmp, stateDir.resolve(fileName), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
