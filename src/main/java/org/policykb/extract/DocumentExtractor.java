package org.policykb.extract;

import org.policykb.model.DocumentMeta;
import org.policykb.model.Goal;
import org.policykb.model.ParsedDocument;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Problem;
import org.policykb.model.SiteUrls;
import org.policykb.model.Task;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Everything extracted from one parsed document: metadata, tasks with their responsible units, goals, and
 * the problems met. Built once and shared; thread-safe.
 */
public final class DocumentExtractor {
    /** With 「.html」 and a duplicate's 「-2」 an id stays far inside the 255-byte limit on a file name. */
    static final int MAX_ID_BYTES = 150;
    private static final Pattern BYLINE = Pattern.compile("(?m)^[\\s\\u3000]*(?:本报|本刊)?(?:记者|通讯员|特约记者)[\\s:：]*[\\p{IsHan}·]{2,4}[\\s\\u3000]*$");
    private final AttributionReader attributions = new AttributionReader();
    private final MetadataExtractor metadata;
    private final TaskExtractor tasks = new TaskExtractor(attributions);
    private final GoalExtractor goals = new GoalExtractor();

    public DocumentExtractor(Gazetteer gazetteer) {
        this.metadata = new MetadataExtractor(gazetteer);
    }

    /**
     * The document id: the source path without its extension, as a URL-safe slug. A slug longer than
     * {@link #MAX_ID_BYTES} keeps its beginning and gets a short hash of the whole path, because the id becomes a
     * file name ({@code documents/<id>.html}) and file systems refuse names over 255 bytes.
     */
    public static String documentId(String relativePath) {
        int dot = relativePath.lastIndexOf('.');
        int slash = relativePath.lastIndexOf('/');
        String stem = dot > slash ? relativePath.substring(0, dot) : relativePath;
        String slug = SiteUrls.slug(stem.replace('/', '-'));
        if (slug.getBytes(StandardCharsets.UTF_8).length <= MAX_ID_BYTES) {
            return slug;
        }
        String suffix = "-" + SiteUrls.shortHash(relativePath);
        StringBuilder prefix = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < slug.length(); ) {
            int cp = slug.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_ID_BYTES - suffix.length()) {
                break;
            }
            prefix.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return prefix + suffix;
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
