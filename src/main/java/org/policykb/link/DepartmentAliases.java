package org.policykb.link;

import org.policykb.model.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The editors' alias list: one department per line, its name first, then the other ways documents write it,
 * separated by {@code =} or {@code ,}/{@code 、}: 「淄川区教育和体育局 = 区教体局, 淄川区教体局」. {@code #} starts a comment.
 */
public record DepartmentAliases(Map<String, String> canonicalByName, Map<String, List<String>> aliasesByCanonical) {
    public static final String FILE_NAME = "departments.aliases";

    public DepartmentAliases {
        canonicalByName = Map.copyOf(canonicalByName);
        aliasesByCanonical = Map.copyOf(aliasesByCanonical);
    }

    public static DepartmentAliases none() {
        return new DepartmentAliases(Map.of(), Map.of());
    }

    public static DepartmentAliases parse(String file, String text, List<Problem> problems) {
        Map<String, String> canonical = new LinkedHashMap<>();
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("#.*$", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] names = line.split("\\s*[=,，、]\\s*");
            List<String> clean = new ArrayList<>();
            for (String n : names) {
                if (!n.isBlank() && !clean.contains(n.strip())) {
                    clean.add(n.strip());
                }
            }
            if (clean.size() < 2) {
                problems.add(Problem.warning(file, i + 1, "an alias line needs a name and at least one alias: " + line));
                continue;
            }
            String name = clean.get(0);
            for (String n : clean) {
                String earlier = canonical.putIfAbsent(n, name);
                if (earlier != null && !earlier.equals(name)) {
                    problems.add(Problem.warning(file, i + 1, n + " is already an alias of " + earlier + "; kept there"));
                }
            }
            aliases.computeIfAbsent(name, k -> new ArrayList<>()).addAll(clean.subList(1, clean.size()));
        }
        return new DepartmentAliases(canonical, aliases);
    }

    public String canonical(String name) {
        return canonicalByName.getOrDefault(name, name);
    }

    public List<String> aliasesOf(String canonical) {
        return Optional.ofNullable(aliasesByCanonical.get(canonical)).orElse(List.of());
    }
}
