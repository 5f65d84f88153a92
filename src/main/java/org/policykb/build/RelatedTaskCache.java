package org.policykb.build;

import org.policykb.render.RelatedTaskTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The related tasks of the last build ({@code related.bin} in the state folder), kept for the next: the table
 * carries the digest of the tasks it was found from, and the file the identity of the code that found it, so a
 * table is only ever reused for the same tasks compared the same way. A missing, foreign or damaged file is
 * no table: the related tasks are found again, which is always right.
 */
final class RelatedTaskCache {
    private static final String FILE_NAME = "related.bin";

    private RelatedTaskCache() {
    }

    static RelatedTaskTable read(Path stateDir, String codeIdentity) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(stateDir.resolve(FILE_NAME));
        } catch (IOException e) {
            return RelatedTaskTable.NONE;
        }
        byte[] header = header(codeIdentity);
        if (bytes.length < header.length || !Arrays.equals(bytes, 0, header.length, header, 0, header.length)) {
            return RelatedTaskTable.NONE;
        }
        return RelatedTaskTable.read(Arrays.copyOfRange(bytes, header.length, bytes.length)).orElse(RelatedTaskTable.NONE);
    }

    static void write(Path stateDir, String codeIdentity, RelatedTaskTable table) throws IOException {
        StateFile.replace(stateDir, FILE_NAME, tmp -> {
            try (var out = Files.newOutputStream(tmp)) {
                out.write(header(codeIdentity));
                out.write(table.bytes());
            }
        });
    }

    private static byte[] header(String codeIdentity) {
        return (codeIdentity + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
