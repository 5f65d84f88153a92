package org.policykb.parse;

import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.policykb.model.ParsedDocument;
import org.policykb.model.Problem;
import org.policykb.model.SourceFile;
import org.policykb.text.LineIndex;
import org.policykb.text.MarkerStyle;
import org.policykb.text.Markers;
import org.policykb.text.WordLeftovers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Markdown through flexmark: YAML front matter (title, docNumber, issuer, date, kind), {@code #} headings,
 * pipe tables, and every other block read line by line like plain text, so Chinese heading markers inside
 * paragraphs still make sections. The flexmark parser is built once per instance and is thread-safe.
 */
public final class MarkdownParser implements DocumentParser {
    private static final Pattern ESCAPE = Pattern.compile("\\\\([!-/:-@\\[-`{-~])");
    private final Parser parser;

    public MarkdownParser() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(YamlFrontMatterExtension.create(), TablesExtension.create()));
        this.parser = Parser.builder(options).build();
    }

    @Override
    public ParsedDocument parse(SourceFile source) {
        String text = source.text();
        Document document = parser.parse(text);
        LineIndex lines = new LineIndex(text);
        Map<String, String> frontMatter = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            switch (node) {
                case YamlFrontMatterBlock yaml -> FrontMatter.read(yaml, source.relativePath(), frontMatter, problems);
                case Heading heading -> {
                    Line line = lineAt(text, lines, heading.getStartOffset());
                    blocks.add(new Block.HeadingLine(line, WordLeftovers.remove(unescape(heading.getText().toString()))));
                }
                case TableBlock table -> blocks.add(table(text, lines, table, blocks));
                default -> {
                    for (Line line : linesOf(text, lines, node.getStartOffset(), node.getEndOffset())) {
                        blocks.add(new Block.TextLine(line));
                    }
                }
            }
        }
        Optional<String> title = Optional.ofNullable(frontMatter.get("title")).filter(t -> !t.isBlank());
        return StructureBuilder.build(source, blocks, frontMatter, title, problems);
    }

    private static Block table(String text, LineIndex lines, TableBlock table, List<Block> blocks) {
        Line caption = null;
        // A caption line 「表2 …」 just above the table belongs to it.
        if (!blocks.isEmpty() && blocks.get(blocks.size() - 1) instanceof Block.TextLine(Line last)
                && Markers.at(last.content()).map(m -> m.style() == MarkerStyle.TABLE).orElse(false)) {
            blocks.remove(blocks.size() - 1);
            caption = last;
        }
        List<List<Block.Cell>> rows = new ArrayList<>();
        for (Node row : table.getDescendants()) {
            if (row instanceof TableRow) {
                List<Block.Cell> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell tc) {
                        cells.add(new Block.Cell(WordLeftovers.remove(unescape(tc.getText().toString())).strip(),
                                tc.getStartOffset(), tc.getEndOffset()));
                    }
                }
                if (!cells.isEmpty()) {
                    rows.add(cells);
                }
            }
        }
        int start = caption != null ? caption.start() : table.getStartOffset();
        Line first = caption != null ? caption : lineAt(text, lines, table.getStartOffset());
        return new Block.Table(caption, rows, start, table.getEndOffset(), first.lineNo());
    }

    private static List<Line> linesOf(String text, LineIndex lines, int from, int to) {
        List<Line> out = new ArrayList<>();
        int lineNo = lines.lineOf(from);
        int start = from;
        while (start < to) {
            int end = start;
            while (end < to && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            int next = end;
            while (next < to && (text.charAt(next) == '\r' || text.charAt(next) == '\n') && next - end < 2) {
                next++;
            }
            Line raw = Line.of(text, start, end, next, lineNo++);
            out.add(new Line(raw.start(), raw.next(), raw.lineNo(), raw.contentStart(), unescape(raw.content()),
                    raw.tabIndented()));
            start = next > start ? next : end + 1;
        }
        return out;
    }

    private static Line lineAt(String text, LineIndex lines, int offset) {
        int end = offset;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return Line.of(text, offset, end, end, lines.lineOf(offset));
    }


    static String unescape(String s) {
        return ESCAPE.matcher(s).replaceAll("$1");
    }
}
