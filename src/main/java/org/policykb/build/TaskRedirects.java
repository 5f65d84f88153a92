package org.policykb.build;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.Task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Old task ids that must keep leading somewhere: when a task's title is edited its id changes, and the change
 * report finds it by its text. Kept in the state folder across builds; chains (a → b, then b → c) are followed,
 * and an old id that is a live task again, or whose task is gone, is dropped.
 */
final class TaskRedirects {
    static final String FILE_NAME = "redirects.json";
    private final ObjectMapper json = new ObjectMapper();

    Map<String, String> read(Path stateDir) {
        Path file = stateDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return json.readValue(file.toFile(), new TypeReference<TreeMap<String, String>>() { });
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** The redirects after this build: the earlier ones plus this build's moves, resolved against the live tasks. */
    static Map<String, String> update(Map<String, String> earlier, Map<String, String> moved, KnowledgeBase kb) {
        Set<String> live = new HashSet<>();
        for (Task t : kb.tasks()) {
            live.add(t.id());
        }
        Map<String, String> all = new TreeMap<>(earlier);
        all.putAll(moved);
        Map<String, String> out = new TreeMap<>();
        for (String from : all.keySet()) {
            if (live.contains(from)) {
                continue;
            }
            String to = all.get(from);
            for (int hops = 0; hops < 20 && all.containsKey(to) && !live.contains(to); hops++) {
                to = all.get(to);
            }
            if (live.contains(to)) {
                out.put(from, to);
            }
        }
        return out;
    }

    void write(Path stateDir, Map<String, String> redirects) throws IOException {
        StateFile.replace(stateDir, FILE_NAME, tmp -> json.writeValue(tmp.toFile(), new TreeMap<>(redirects)));
    }
}
