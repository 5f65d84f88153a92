package org.policykb.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A source file read into its section tree, before anything is extracted.
 *
 * @param headTitle   the title the document's head gives (title lines, or the X of 关于印发X的通知), if any
 * @param headLines   the lines of the document's head (title block, 发文字号, signature, date), stripped
 * @param frontMatter Markdown front matter (title, docNumber, issuer, date, kind), keys as written
 */
public record ParsedDocument(SourceFile source, Section root, List<TableRow> tableRows, Optional<String> headTitle,
                             List<String> headLines, Map<String, String> frontMatter, List<Problem> problems) {
    public ParsedDocument {
        tableRows = List.copyOf(tableRows);
        headLines = List.copyOf(headLines);
        frontMatter = Map.copyOf(frontMatter);
        problems = List.copyOf(problems);
    }

    public String text() {
        return source.text();
    }

    /** All sections below the root, in document order. */
    public List<Section> sections() {
        List<Section> all = root.flatten();
        return all.subList(1, all.size());
    }
}
