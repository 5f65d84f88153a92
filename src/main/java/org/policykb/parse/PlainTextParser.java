package org.policykb.parse;

import com.vladsch.flexmark.parser.Parser;
import org.policykb.model.ParsedDocument;
import org.policykb.model.Problem;
import org.policykb.model.SourceFile;
import org.policykb.text.MarkerStyle;
import org.policykb.text.Markers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plain text: one block per line, except the flattened tables that word processors leave behind — a
 * 「表N」 caption followed by tab-indented cells, one per line, rows separated by blank lines, where a line
 * without a tab directly under a cell continues that cell.
 */
public final class PlainTextParser implements DocumentParser {
    private static final String TITLE_HINT = "titleHint";
    private final Parser frontMatterParser = FrontMatter.parser();

    /**
     * An optional leading front matter block (the keys Markdown uses) is read as metadata and belongs to the
     * preamble; it is how web pages and Word documents, turned into text by the source stage, bring their
     * header. A title written as 「关于印发X的通知」 names X, as it does in a document's head. A {@code titleHint}
     * (a page's heading outside its body, a Word file's stored title: often stale) is used only when the text's
     * head gives no title.
     */
    @Override
    public ParsedDocument parse(SourceFile source) {
        List<Problem> problems = new ArrayList<>();
        Optional<FrontMatter> frontMatter = FrontMatter.at(source.text(), frontMatterParser, source.relativePath(), problems);
        Map<String, String> values = new LinkedHashMap<>(frontMatter.map(FrontMatter::values).orElse(Map.of()));
        int bodyStart = frontMatter.map(FrontMatter::end).orElse(0);
        List<Block> blocks = blocks(source.text(), bodyStart);
        Optional<String> hint = Optional.ofNullable(values.remove(TITLE_HINT)).filter(t -> !t.isBlank());
        Optional<String> title = Optional.ofNullable(values.get("title")).filter(t -> !t.isBlank())
                .or(() -> HeadReader.read(blocks).title().isPresent() ? Optional.empty() : hint)
                .map(HeadReader::documentTitle);
        title.ifPresent(t -> values.put("title", t));
        return StructureBuilder.build(source, blocks, values, title, problems);
    }

    static List<Block> blocks(String text) {
        return blocks(text, 0);
    }

    /** The blocks of the lines that start at or after {@code from}. */
    static List<Block> blocks(String text, int from) {
        List<Line> lines = Line.split(text).stream().filter(line -> line.start() >= from).toList();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (!line.blank() && isCaption(line) && nextNonBlankIsCell(lines, i + 1)) {
                int end = tableEnd(lines, i + 1);
                blocks.add(table(line, lines.subList(i + 1, end)));
                i = end - 1;
            } else {
                blocks.add(new Block.TextLine(line));
            }
        }
        return blocks;
    }

    private static boolean isCaption(Line line) {
        return Markers.at(line.content()).map(m -> m.style() == MarkerStyle.TABLE).orElse(false);
    }

    private static boolean nextNonBlankIsCell(List<Line> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).blank()) {
                return lines.get(i).tabIndented();
            }
        }
        return false;
    }

    /** The table ends at the first line after a blank that is not a cell. */
    private static int tableEnd(List<Line> lines, int from) {
        boolean afterBlank = false;
        for (int i = from; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.blank()) {
                afterBlank = true;
            } else if (line.tabIndented()) {
                afterBlank = false;
            } else if (afterBlank) {
                int end = i;
                while (end > from && lines.get(end - 1).blank()) {
                    end--;
                }
                return end;
            }
        }
        return lines.size();
    }

    private static Block.Table table(Line caption, List<Line> cellLines) {
        List<List<Block.Cell>> rows = new ArrayList<>();
        List<Block.Cell> row = new ArrayList<>();
        StringBuilder text = null;
        int cellStart = 0;
        int cellEnd = 0;
        for (Line line : cellLines) {
            if (line.blank()) {
                if (text != null) {
                    row.add(new Block.Cell(text.toString(), cellStart, cellEnd));
                    text = null;
                }
                if (!row.isEmpty()) {
                    rows.add(row);
                    row = new ArrayList<>();
                }
            } else if (line.tabIndented() || text == null) {
                if (text != null) {
                    row.add(new Block.Cell(text.toString(), cellStart, cellEnd));
                }
                text = new StringBuilder(line.content());
                cellStart = line.contentStart();
                cellEnd = line.contentStart() + line.content().length();
            } else {
                text.append(line.content());
                cellEnd = line.contentStart() + line.content().length();
            }
        }
        if (text != null) {
            row.add(new Block.Cell(text.toString(), cellStart, cellEnd));
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        int end = cellLines.isEmpty() ? caption.next() : cellLines.get(cellLines.size() - 1).next();
        return new Block.Table(caption, rows, caption.start(), end, caption.lineNo());
    }
}
