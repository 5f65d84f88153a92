package org.policykb.render;

import org.policykb.model.KnowledgeBase;
import org.policykb.model.OutputFile;
import org.policykb.model.SiteUrls;
import org.policykb.model.Task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Redirect pages at the old addresses of tasks whose titles were edited. */
public final class RedirectPages {
    public List<OutputFile> render(KnowledgeBase kb, Map<String, String> taskRedirects) {
        List<OutputFile> out = new ArrayList<>();
        Map<String, Task> tasks = new HashMap<>();
        kb.tasks().forEach(t -> tasks.put(t.id(), t));
        taskRedirects.forEach((from, to) -> {
            Task target = tasks.get(to);
            if (target != null) {
                out.add(RedirectPage.of(SiteUrls.task(from), SiteUrls.task(to), target.title()));
            }
        });
        return out;
    }
}
