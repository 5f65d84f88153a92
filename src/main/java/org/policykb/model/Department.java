package org.policykb.model;

import java.util.List;

/**
 * One responsible unit across all documents. {@code id} is stable (derived from the canonical name);
 * {@code aliases} are the other names it is written as; task lists hold task ids in document order.
 */
public record Department(String id, String name, List<String> aliases, List<String> leadTasks,
                         List<String> supportTasks) {
    public Department {
        aliases = List.copyOf(aliases);
        leadTasks = List.copyOf(leadTasks);
        supportTasks = List.copyOf(supportTasks);
    }
}
