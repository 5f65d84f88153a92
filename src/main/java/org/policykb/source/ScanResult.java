package org.policykb.source;

import java.util.List;

import org.policykb.model.Problem;
import org.policykb.model.SourceFile;

/** The decoded content files, sorted by relative path, and the problems met on the way. */
public record ScanResult(List<SourceFile> files, List<Problem> problems) {
    public ScanResult {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }
}
