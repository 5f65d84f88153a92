package org.policykb.build;

import org.policykb.model.KnowledgeBase;
import org.policykb.model.Problem;

import java.time.Duration;
import java.util.List;

/**
 * What a build did: the knowledge base it built, how many files the site has and how many it wrote, how long it
 * took, what went wrong, what changed, which pages it rendered ({@code pagesKept} others were carried over from
 * the last build because nothing they show changed), and how many sources it parsed ({@code documentsCached}
 * others were taken as an earlier build had parsed them, their bytes being the same), how many items it wrote to the
 * search index, and whether the browser index was kept whole (the search index holding what it held).
 */
public record BuildResult(KnowledgeBase knowledgeBase, int files, int filesWritten, Duration took, List<Problem> problems,
                          ChangeReport changes, StageTimes stages, List<String> renderedPages, int pagesKept,
                          int documentsParsed, int documentsCached, int itemsIndexed, boolean browserIndexKept) {
    public BuildResult {
        problems = List.copyOf(problems);
        renderedPages = List.copyOf(renderedPages);
    }

    public long errors() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
    }

    /** The plain summary printed at the end of every build. */
    public String summary() {
        KnowledgeBase kb = knowledgeBase;
        long sections = kb.documents().stream().mapToLong(d -> d.sections().size()).sum();
        return String.format("%d documents (%d parsed, %d cached), %d sections, %d tasks, %d departments, %d goals; %d files (%d written, the rest unchanged; %d pages rendered, %d kept; %d items indexed, browser index %s) in %.2f s; %d problems (%d errors)",
                kb.documents().size(), documentsParsed, documentsCached, sections, kb.tasks().size(), kb.departments().size(), kb.goals().size(),
                files, filesWritten, renderedPages.size(), pagesKept, itemsIndexed, browserIndexKept ? "kept" : "made",
                took.toMillis() / 1000.0, problems.size(), errors())
                + "\n  stages: " + stages;
    }
}
