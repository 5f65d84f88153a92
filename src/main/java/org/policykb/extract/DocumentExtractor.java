package org.policykb.extract;

import org.policykb.model.DocumentMeta;
import org.policykb.model.Goal;
import org.policykb.model.ParsedDocument;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Problem;
import org.policykb.model.SiteUrls;
import org.policykb.model.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Everything extracted from one parsed document: metadata, tasks with their responsible units, goals, and
 * the problems met. Built once and shared; thread-safe.
 */
public final class DocumentExtractor {
    private static final Pattern BYLINE = Pattern.compile("(?m)^[\\s\\u3000]*(?:本报|本刊)?(?:记者|通讯员|特约记者)[\\s:：]*[\\p{IsHan}·]{2,4}[\\s\\u3000]*$");
    private final AttributionReader attributions = new AttributionReader();
    private final MetadataExtractor metadata;
    private final TaskExtractor tasks = new TaskExtractor(attributions);
    private final GoalExtractor goals = new GoalExtractor();

    public DocumentExtractor(Gazetteer gazetteer) {
        this.metadata = new MetadataExtractor(gazetteer);
    }

    /** The document id: the source path without its extension, as a URL-safe slug. */
    public static String documentId(String relativePath) {
        int dot = relativePath.lastIndexOf('.');
        int slash = relativePath.lastIndexOf('/');
        String stem = dot > slash ? relativePath.substring(0, dot) : relativePath;
        return SiteUrls.slug(stem.replace('/', '-'));
    }

    public PolicyDocument extract(String documentId, ParsedDocument doc) {
        String text = doc.text();
        String file = doc.source().relativePath();
        List<Problem> problems = new ArrayList<>(doc.problems());
        int clauseCount = attributions.clauses(text, 0, text.length()).size();
        boolean byline = BYLINE.matcher(text).find();
        DocumentMeta meta = metadata.extract(doc, byline, clauseCount, problems);
        List<Task> found = tasks.extract(documentId, doc, meta.kind());
        List<Goal> targets = goals.extract(documentId, doc, meta, found);
        for (Task t : found) {
            attributions.unreadableClosingClause(text, t.span().start(), t.span().end()).ifPresent(clause ->
                    problems.add(Problem.warning(file, t.span().line(), "could not read the responsible units in " + clause)));
        }
        boolean anyAttributed = found.stream().anyMatch(t -> t.lead().isPresent());
        if (anyAttributed) {
            for (Task t : found) {
                if (t.lead().isEmpty()) {
                    problems.add(Problem.warning(file, t.span().line(),
                            "task 「" + shorten(t.title()) + "」 names no responsible department, though other tasks do"));
                }
            }
        }
        return new PolicyDocument(documentId, file, text, meta, doc.root(), found, targets, problems);
    }

    private static String shorten(String s) {
        return s.length() <= 30 ? s : s.substring(0, 30) + "…";
    }
}
