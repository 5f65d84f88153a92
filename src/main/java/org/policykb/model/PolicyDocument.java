package org.policykb.model;

import java.util.List;

/**
 * One parsed and extracted document. {@code text} is the decoded source the spans point into.
 *
 * @param id     stable identifier derived from the source path, safe in a URL path segment
 * @param source the path under the content folder, with forward slashes
 */
public record PolicyDocument(String id, String source, String text, DocumentMeta meta, Section root,
                             List<Task> tasks, List<Goal> goals, List<Problem> problems) {
    public PolicyDocument {
        tasks = List.copyOf(tasks);
        goals = List.copyOf(goals);
        problems = List.copyOf(problems);
    }

    /** All sections below the root, in document order. */
    public List<Section> sections() {
        List<Section> all = root.flatten();
        return all.subList(1, all.size());
    }
}
