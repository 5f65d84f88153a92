package org.policykb.extract;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.policykb.model.Goal;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Problem;
import org.policykb.model.SourceSpan;
import org.policykb.model.Task;
import org.policykb.parse.MarkdownParser;
import org.policykb.parse.PlainTextParser;
import org.policykb.testing.Fixtures;
import org.policykb.testing.PolicyText;
import org.policykb.testing.TimeBound;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For any text the extractors return within a time bound without throwing; every task and goal span lies
 * within the text, every goal's task exists, and every problem points at a line of the text.
 * Tries: jqwik.tries.default (5,000 in CI).
 */
class ExtractorPropertiesTest {
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor(Gazetteer.load());
    private static final PlainTextParser TEXT = new PlainTextParser();
    private static final MarkdownParser MARKDOWN = new MarkdownParser();
    private static final AtomicLong TRIED = new AtomicLong();

    @Provide
    Arbitrary<String> documents() {
        return PolicyText.documents(80);
    }

    @Property
    void plainTextExtractionStaysInsideTheText(@ForAll("documents") String text) {
        check(TimeBound.call(BOUND, "extracting from " + text.length() + " characters",
                () -> EXTRACTOR.extract("doc", TEXT.parse(Fixtures.text("generated.txt", text)))));
    }

    @Property
    void markdownExtractionStaysInsideTheText(@ForAll("documents") String text) {
        check(TimeBound.call(BOUND, "extracting from " + text.length() + " characters of Markdown",
                () -> EXTRACTOR.extract("doc", MARKDOWN.parse(Fixtures.text("generated.md", text)))));
    }

    private static void check(PolicyDocument doc) {
        TRIED.incrementAndGet();
        String text = doc.text();
        int lines = (int) text.chars().filter(c -> c == '\n').count() + (int) text.chars().filter(c -> c == '\r').count() + 1;
        Set<String> taskIds = doc.tasks().stream().map(Task::id).collect(Collectors.toSet());
        assertEquals(doc.tasks().size(), taskIds.size(), "task ids are unique: " + doc.tasks());
        for (Task task : doc.tasks()) {
            within(task.span(), text, lines, task.toString());
            assertTrue(task.title() != null, task.toString());
        }
        Set<String> goalIds = doc.goals().stream().map(Goal::id).collect(Collectors.toSet());
        assertEquals(doc.goals().size(), goalIds.size(), "goal ids are unique: " + doc.goals());
        for (Goal goal : doc.goals()) {
            within(goal.span(), text, lines, goal.toString());
            goal.taskId().ifPresent(id -> assertTrue(taskIds.contains(id), "goal " + goal.id() + " names a missing task " + id));
        }
        for (Problem problem : doc.problems()) {
            assertTrue(problem.line() <= lines, problem.toString());
        }
    }

    private static void within(SourceSpan span, String text, int lines, String what) {
        assertTrue(span.end() <= text.length(), what + " ends past the text (" + text.length() + ")");
        assertTrue(span.line() <= lines, what + " starts on line " + span.line() + " of " + lines);
    }

    @AfterContainer
    static void report() {
        System.out.println("ExtractorPropertiesTest: " + TRIED.get() + " generated documents extracted");
    }
}
