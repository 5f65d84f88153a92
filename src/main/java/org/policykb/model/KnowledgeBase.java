package org.policykb.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the site is a view of: the documents, the departments linked across them, and the problems the
 * build met. Lookups come in pairs: {@code find…} returns an Optional, {@code expect…} throws naming what is missing.
 */
public record KnowledgeBase(List<PolicyDocument> documents, List<Department> departments,
                            Map<String, String> departmentIdByName, List<Problem> problems) {
    public KnowledgeBase {
        documents = List.copyOf(documents);
        departments = List.copyOf(departments);
        departmentIdByName = Map.copyOf(departmentIdByName);
        problems = List.copyOf(problems);
    }

    public Optional<Department> findDepartmentByName(String name) {
        String id = departmentIdByName.get(name);
        return id == null ? Optional.empty() : departments.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public Department expectDepartmentByName(String name) {
        return findDepartmentByName(name)
                .orElseThrow(() -> new IllegalArgumentException("No department named " + name));
    }

    public List<Task> tasks() {
        return documents.stream().flatMap(d -> d.tasks().stream()).toList();
    }

    public List<Goal> goals() {
        return documents.stream().flatMap(d -> d.goals().stream()).toList();
    }
}
