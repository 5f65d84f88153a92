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
 * search index, and what became of the browser index.
 */
public record BuildResult(KnowledgeBase knowledgeBase, int files, int filesWritten, Duration took, List<Problem> problems,
                          ChangeReport changes, StageTimes stages, List<String> renderedPages, int pagesKept,
                          int documentsParsed, int documentsCached, int itemsIndexed, BrowserIndex browserIndex) {
    /** What a build did with the browser index. */
    public enum BrowserIndex {
        /** Kept whole: the search index holds what it held. */
        KEPT,
        /** The postings of the terms an edit changed made again, the rest kept. */
        UPDATED,
        /** Made whole. */
        MADE;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

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
                files, filesWritten, renderedPages.size(), pagesKept, itemsIndexed, browserIndex.label(),
                took.toMillis() / 1000.0, problems.size(), errors())
                + "\n  stages: " + stages;
    }
}
