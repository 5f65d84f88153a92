package org.policykb.render;

import org.policykb.model.ChangeLog;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.OutputFile;
import org.policykb.model.SiteUrls;
import org.policykb.model.Task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The files that tell readers what changed: the Atom feed of the change log, and redirects from old task URLs. */
public final class ChangePages {
    public List<OutputFile> render(KnowledgeBase kb, ChangeLog log, Map<String, String> taskRedirects, RenderContext ctx) {
        List<OutputFile> out = new ArrayList<>();
        out.add(ChangeFeed.atom(log, ctx));
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
