package org.policykb.model;

import java.util.List;
import java.util.Optional;

/**
 * Who is responsible for a task, as written in the document: the lead unit and the supporting units,
 * before names are resolved to department records.
 */
public record Attribution(Optional<String> lead, List<String> support, SourceSpan span) {
    public Attribution {
        support = List.copyOf(support);
    }

    public static Attribution none(SourceSpan span) {
        return new Attribution(Optional.empty(), List.of(), span);
    }

    public boolean isEmpty() {
        return lead.isEmpty() && support.isEmpty();
    }
}
