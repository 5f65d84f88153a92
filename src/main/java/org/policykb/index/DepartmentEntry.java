package org.policykb.index;

import java.util.List;

/** A department as the index remembers it, so a search can resolve names without re-reading the content. */
public record DepartmentEntry(String id, String name, List<String> aliases) {
    public DepartmentEntry {
        aliases = List.copyOf(aliases);
    }

    boolean isCalled(String name) {
        return id.equals(name) || this.name.equals(name) || aliases.contains(name);
    }
}
