package org.policykb.model;

import java.util.List;
import java.util.Optional;

/**
 * A numbered action item (or a row of a task table, or a "next step" of a report).
 *
 * @param id        globally unique and stable: {@code <document id>/<local id>}
 * @param sectionId the anchor of the section the task stands in
 * @param lead      the lead unit's name as written (resolved to a department by the link stage)
 * @param support   the supporting units' names as written
 */
public record Task(String id, String documentId, String sectionId, String number, String title, String text,
                   Optional<String> lead, List<String> support, SourceSpan span) {
    public Task {
        support = List.copyOf(support);
    }
}
