package org.policykb.build;

import org.policykb.model.KnowledgeBase;
import org.policykb.model.Problem;

import java.time.Duration;
import java.util.List;

/** What a build did: the knowledge base it built, how many files it wrote, how long it took, what went wrong. */
public record BuildResult(KnowledgeBase knowledgeBase, int files, int filesWritten, Duration took, List<Problem> problems,
                          ChangeReport changes, StageTimes stages) {
    public BuildResult {
        problems = List.copyOf(problems);
    }

    public long errors() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
    }

    /** The plain summary printed at the end of every build. */
    public String summary() {
        KnowledgeBase kb = knowledgeBase;
        long sections = kb.documents().stream().mapToLong(d -> d.sections().size()).sum();
        return String.format("%d documents, %d sections, %d tasks, %d departments, %d goals; %d files (%d written, the rest unchanged) in %.2f s; %d problems (%d errors)",
                kb.documents().size(), sections, kb.tasks().size(), kb.departments().size(), kb.goals().size(),
                files, filesWritten, took.toMillis() / 1000.0, problems.size(), errors()) + "\n  stages: " + stages;
    }
}
