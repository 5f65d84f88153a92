package org.policykb.link;

import org.policykb.model.Department;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Problem;
import org.policykb.model.SiteUrls;
import org.policykb.model.Task;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One department per distinct unit across all documents: names written differently but listed as aliases
 * are one department; every task is filed under its lead and its supporting departments.
 */
public final class DepartmentLinker {
    private final DepartmentAliases aliases;

    public DepartmentLinker(DepartmentAliases aliases) {
        this.aliases = aliases;
    }

    public KnowledgeBase link(List<PolicyDocument> documents, List<Problem> buildProblems) {
        Map<String, Set<String>> lead = new TreeMap<>();
        Map<String, Set<String>> support = new TreeMap<>();
        Map<String, Set<String>> writtenAs = new TreeMap<>();
        for (PolicyDocument doc : documents) {
            for (Task task : doc.tasks()) {
                task.lead().ifPresent(name -> file(name, task, lead, writtenAs));
                for (String name : task.support()) {
                    file(name, task, support, writtenAs);
                }
            }
        }
        Map<String, String> idByName = new TreeMap<>();
        List<Department> departments = new ArrayList<>();
        Set<String> usedIds = new LinkedHashSet<>();
        for (String canonical : writtenAs.keySet()) {
            String base = SiteUrls.slug(canonical);
            String id = base;
            for (int k = 2; !usedIds.add(id); k++) {
                id = base + "-" + k;
            }
            Set<String> names = new LinkedHashSet<>(aliases.aliasesOf(canonical));
            names.addAll(writtenAs.get(canonical));
            names.remove(canonical);
            departments.add(new Department(id, canonical, List.copyOf(names),
                    List.copyOf(lead.getOrDefault(canonical, Set.of())), List.copyOf(support.getOrDefault(canonical, Set.of()))));
            idByName.put(canonical, id);
            for (String n : names) {
                idByName.putIfAbsent(n, id);
            }
        }
        List<Problem> problems = new ArrayList<>(buildProblems);
        documents.forEach(d -> problems.addAll(d.problems()));
        return new KnowledgeBase(documents, departments, idByName, problems);
    }

    private void file(String name, Task task, Map<String, Set<String>> byDepartment, Map<String, Set<String>> writtenAs) {
        String canonical = aliases.canonical(name);
        byDepartment.computeIfAbsent(canonical, k -> new LinkedHashSet<>()).add(task.id());
        writtenAs.computeIfAbsent(canonical, k -> new LinkedHashSet<>()).add(name);
    }
}
