package org.policykb.parse;

import org.policykb.model.ParsedDocument;
import org.policykb.model.Problem;
import org.policykb.model.Section;
import org.policykb.model.SourceFile;
import org.policykb.model.SourceSpan;
import org.policykb.model.TableRow;
import org.policykb.text.Marker;
import org.policykb.text.MarkerStyle;
import org.policykb.text.Markers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the section tree from a format's blocks. Headings are marked lines (一、 （一） 1． （1） ① 表2),
 * stand-alone or run-in (title up to the first 。), and unmarked headline lines. Levels follow the nesting
 * the document actually uses: a marker style already open closes everything below it; a new style nests
 * under the current heading unless it ranks higher (一、 after 1． closes it). Each section's span runs from its
 * heading to the next heading, so the spans tile the text.
 */
public final class StructureBuilder {
    private static final int TABLE_RANK = -300;
    private static final int ARTICLE_RANK = -250;
    private static final int HEADLINE_RANK = -150;

    /** A section while the tree is being built. */
    private static final class Node {
        final String styleKey;
        final int rank;
        final String segment;
        final String number;
        final String title;
        final boolean table;
        final int start;
        final List<Node> children = new ArrayList<>();
        int level;
        int end;
        int line;
        String id;

        Node(String styleKey, int rank, String segment, String number, String title, boolean table, int start, int line) {
            this.styleKey = styleKey;
            this.rank = rank;
            this.segment = segment;
            this.number = number;
            this.title = title;
            this.table = table;
            this.start = start;
            this.line = line;
        }
    }

    private final SourceFile source;
    private final org.policykb.text.LineIndex lines;
    private final List<Block> blocks;
    private final Node root;
    private final List<Node> stack = new ArrayList<>();
    private final List<Node> inOrder = new ArrayList<>();
    private final List<PendingRow> rows = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private String previousContent = "";
    private boolean previousWasHeading = false;
    /** The last value seen per marker style, document-wide: numbering may run on across chapters (5. then 6.). */
    private final Map<String, Integer> lastValueByStyle = new java.util.HashMap<>();

    private record PendingRow(Node table, int index, String number, String name, int start, int end, int line,
                              List<String> cells, Optional<String> responsible) {
    }

    private StructureBuilder(SourceFile source, List<Block> blocks) {
        this.source = source;
        this.lines = new org.policykb.text.LineIndex(source.text());
        this.blocks = blocks;
        this.root = new Node("root", Integer.MIN_VALUE, "", null, null, false, 0, 1);
    }

    public static ParsedDocument build(SourceFile source, List<Block> blocks, Map<String, String> frontMatter,
                                       Optional<String> titleOverride, List<Problem> problems) {
        StructureBuilder builder = new StructureBuilder(source, blocks);
        HeadReader.Head head = HeadReader.read(blocks);
        Optional<String> title = titleOverride.or(head::title);
        builder.problems.addAll(problems);
        builder.run(title, head.lines().size());
        Section rootSection = builder.finish();
        List<TableRow> tableRows = builder.rows.stream()
                .map(r -> new TableRow(r.table.id, r.index, r.number, r.name,
                        new SourceSpan(r.start, r.end, r.line), r.cells, r.responsible))
                .toList();
        List<String> headLines = head.lines().stream().map(Line::content).toList();
        return new ParsedDocument(source, rootSection, tableRows, title, headLines, frontMatter, builder.problems);
    }

    private void run(Optional<String> title, int headLineCount) {
        int headSeen = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            switch (block) {
                case Block.Table table -> addTable(table);
                case Block.HeadingLine heading -> {
                    String text = heading.text().strip();
                    if (text.isEmpty()) {
                        continue;
                    }
                    Optional<Marker> marker = Markers.at(text);
                    if (marker.isPresent() && marker.get().style() != MarkerStyle.TABLE && hasTitle(text, marker.get())
                            && acceptsMarker(marker.get())) {
                        addMarked(heading.line(), text, marker.get());
                    } else if (title.isPresent() && HeadReader.sameTitle(text, title.get()) && !bylineFollows(i)) {
                        noteText(text); // the document's own title, repeated: part of the preamble
                    } else {
                        addHeadline(heading.line(), text, bylineFollows(i));
                    }
                }
                case Block.TextLine(Line line) -> {
                    if (line.blank()) {
                        continue;
                    }
                    String text = line.content();
                    if (headSeen < headLineCount) {
                        headSeen++;
                        if (!(bylineFollows(i) && Headlines.looksLikeHeadline(text))) {
                            noteText(text);
                            continue;
                        }
                    }
                    Optional<Marker> marker = Markers.at(text);
                    if (marker.isPresent() && marker.get().style() != MarkerStyle.TABLE && hasTitle(text, marker.get())
                            && acceptsMarker(marker.get())) {
                        addMarked(line, text, marker.get());
                    } else if (marker.isPresent() && marker.get().style() == MarkerStyle.TABLE && isCaption(text, marker.get())) {
                        addTableHeading(line, text, marker.get());
                    } else if (isHeadline(i, text)
                            && !(title.isPresent() && HeadReader.sameTitle(text, title.get()) && !bylineFollows(i))) {
                        addHeadline(line, text, bylineFollows(i));
                    } else {
                        noteText(text);
                    }
                }
            }
        }
    }

    private void noteText(String text) {
        previousContent = text;
        previousWasHeading = false;
    }

    /** A marker continues the structure, or starts a new list at 1, or climbs back out to a higher rank. */
    private boolean acceptsMarker(Marker marker) {
        String key = marker.style().name();
        dropClosedTables();
        Integer last = lastValueByStyle.get(key);
        if (stack.isEmpty() || marker.value() == 1 || last != null && marker.value() == last + 1) {
            return true;
        }
        for (Node open : stack) {
            if (open.styleKey.equals(key)) {
                return true;
            }
        }
        return marker.style().rank() * 100 < top().rank;
    }

    private boolean isCaption(String text, Marker marker) {
        String rest = text.substring(Math.min(marker.length(), text.length()));
        return !rest.isEmpty() && rest.indexOf('。') < 0 && rest.length() <= Headlines.MAX_LENGTH + 10;
    }

    private boolean isHeadline(int index, String text) {
        boolean freshStart = previousContent.isEmpty() || previousWasHeading || Headlines.endsBlock(previousContent)
                || Headlines.isByline(previousContent);
        if (!freshStart || !Headlines.looksLikeHeadline(text)) {
            return false;
        }
        Optional<String> next = nextContent(index);
        if (next.isEmpty()) {
            return false;
        }
        String following = next.get();
        if (Headlines.isDateLine(following) && Headlines.looksLikeOrganisation(text)) {
            return false; // a signature: 「淄川区人民政府」 over its date
        }
        if (Headlines.isByline(following)) {
            return true;
        }
        // A heading introduces running text or a marked heading, not another short line of the same kind.
        return !Headlines.looksLikeHeadline(following) || Markers.at(following).isPresent();
    }

    private Optional<String> nextContent(int index) {
        for (int j = index + 1; j < blocks.size(); j++) {
            Block b = blocks.get(j);
            if (b instanceof Block.TextLine(Line line)) {
                if (!line.blank()) {
                    return Optional.of(line.content());
                }
            } else if (b instanceof Block.HeadingLine h) {
                return Optional.of(h.text());
            } else {
                return Optional.of("");
            }
        }
        return Optional.empty();
    }

    /** A news article's headline is followed by its byline (「记者 陶春燕」), at most one paragraph later. */
    private boolean bylineFollows(int index) {
        int seen = 0;
        for (int j = index + 1; j < blocks.size() && seen < 2; j++) {
            if (blocks.get(j) instanceof Block.TextLine(Line line)) {
                if (line.blank()) {
                    continue;
                }
                if (Headlines.isByline(line.content())) {
                    return true;
                }
                seen++;
            } else {
                return false;
            }
        }
        return false;
    }

    /** A marker alone on its line (「一、」, 「（二）：」) names nothing: it is text, not a heading. */
    private static boolean hasTitle(String text, Marker marker) {
        return !markedTitle(text, marker).isEmpty();
    }

    private static String markedTitle(String text, Marker marker) {
        String rest = text.substring(Math.min(marker.length(), text.length())).strip();
        int stop = rest.indexOf('。');
        String title = (stop >= 0 ? rest.substring(0, stop) : rest).strip();
        return title.replaceAll("[：:]+$", "").strip();
    }

    private void addMarked(Line line, String text, Marker marker) {
        String rest = text.substring(Math.min(marker.length(), text.length())).strip();
        int stop = rest.indexOf('。');
        String title = markedTitle(text, marker);
        String key = marker.style().name();
        lastValueByStyle.put(key, marker.value());
        push(new Node(key, marker.style().rank() * 100, String.valueOf(marker.value()), marker.raw(), title, false,
                line.start(), line.lineNo()));
        previousContent = text;
        previousWasHeading = stop < 0;
    }

    private void addHeadline(Line line, String text, boolean article) {
        String key = article ? "ARTICLE" : "HEADLINE";
        push(new Node(key, article ? ARTICLE_RANK : HEADLINE_RANK, null, null, text.replaceAll("[\\s\\u3000]+", " "),
                false, line.start(), line.lineNo()));
        previousContent = text;
        previousWasHeading = true;
    }

    /**
     * A table is named by its caption after its number; a caption that is its number alone (「表2」 above the cells)
     * is all title, so the table is not left without a name nor shown as 「表2表2」.
     */
    private void addTableHeading(Line line, String text, Marker marker) {
        String rest = text.substring(Math.min(marker.length(), text.length())).strip();
        boolean numberAlone = rest.isEmpty();
        push(new Node("TABLE", TABLE_RANK, "t" + marker.value(), numberAlone ? null : marker.raw(),
                numberAlone ? text.strip() : rest, true, line.start(), line.lineNo()));
        previousContent = text;
        previousWasHeading = true;
    }

    private void addTable(Block.Table table) {
        Node owner;
        if (table.caption() != null) {
            String text = table.caption().content();
            Optional<Marker> marker = Markers.at(text);
            if (marker.isPresent() && marker.get().style() == MarkerStyle.TABLE) {
                addTableHeading(table.caption(), text, marker.get());
            } else {
                push(new Node("TABLE", TABLE_RANK, "t", null, text, true, table.caption().start(), table.caption().lineNo()));
            }
            owner = top();
        } else {
            owner = stack.isEmpty() ? root : top();
        }
        readRows(owner, table);
        noteText("。");
    }

    private void readRows(Node owner, Block.Table table) {
        List<List<Block.Cell>> all = table.rows();
        if (all.isEmpty()) {
            return;
        }
        List<Block.Cell> first = all.get(0);
        boolean header = first.stream().allMatch(c -> c.text().length() <= 10 && !c.text().matches(".*\\d.*"));
        List<String> headers = header ? first.stream().map(Block.Cell::text).toList() : List.of();
        int numberCol = indexOf(headers, "序号|编号|序");
        int nameCol = indexOf(headers, "名称|项目|任务|工程|事项|重点|行动");
        int responsibleCol = indexOf(headers, ".*(?:责任|牵头|负责|实施|主责)(?:单位|部门).*");
        int index = 0;
        for (List<Block.Cell> row : header ? all.subList(1, all.size()) : all) {
            if (row.isEmpty()) {
                continue;
            }
            int nc = numberCol;
            if (nc < 0 && row.get(0).text().matches("\\d{1,3}")) {
                nc = 0;
            }
            int name = nameCol >= 0 ? nameCol : (nc >= 0 ? nc + 1 : 0);
            if (name >= row.size()) {
                name = row.size() - 1;
            }
            index++;
            String number = nc >= 0 && nc < row.size() ? row.get(nc).text() : String.valueOf(index);
            Optional<String> responsible = responsibleCol >= 0 && responsibleCol < row.size()
                    ? Optional.of(row.get(responsibleCol).text()) : Optional.empty();
            Block.Cell firstCell = row.get(0);
            Block.Cell lastCell = row.get(row.size() - 1);
            rows.add(new PendingRow(owner, index, number, row.get(name).text(), firstCell.start(), lastCell.end(),
                    lineOf(firstCell.start()), row.stream().map(Block.Cell::text).toList(), responsible));
        }
        // Tables close at their end: what follows is not inside them.
        stack.remove(owner);
    }

    private int lineOf(int offset) {
        return lines.lineOf(offset);
    }

    private static int indexOf(List<String> headers, String regex) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).replaceAll("\\s", "").matches(regex)) {
                return i;
            }
        }
        return -1;
    }

    private void push(Node node) {
        dropClosedTables();
        int at = -1;
        for (int i = 0; i < stack.size(); i++) {
            if (stack.get(i).styleKey.equals(node.styleKey)) {
                at = i;
                break;
            }
        }
        if (at >= 0) {
            while (stack.size() > at) {
                stack.remove(stack.size() - 1);
            }
        } else {
            while (!stack.isEmpty() && top().rank > node.rank) {
                stack.remove(stack.size() - 1);
            }
        }
        Node parent = stack.isEmpty() ? root : top();
        node.level = stack.size() + 1;
        parent.children.add(node);
        stack.add(node);
        inOrder.add(node);
    }

    /** A table caption heading holds only its table; the next heading never nests under it. */
    private void dropClosedTables() {
        while (!stack.isEmpty() && top().table) {
            stack.remove(stack.size() - 1);
        }
    }

    private Node top() {
        return stack.get(stack.size() - 1);
    }

    private Section finish() {
        int textEnd = source.text().length();
        for (int i = 0; i < inOrder.size(); i++) {
            inOrder.get(i).end = i + 1 < inOrder.size() ? inOrder.get(i + 1).start : textEnd;
        }
        root.end = inOrder.isEmpty() ? textEnd : inOrder.get(0).start;
        root.level = 0;
        root.id = "top";
        assignIds(root, new org.policykb.text.UniqueIds());
        return toSection(root);
    }

    /**
     * Anchors from the sections' own titles, so that an anchor stays put when sections are added or renumbered
     * elsewhere in the document; a repeated title gets -2, -3 in document order.
     */
    private void assignIds(Node parent, org.policykb.text.UniqueIds ids) {
        for (Node child : parent.children) {
            String words = child.title == null || child.title.isBlank() ? (child.number == null ? "section" : child.number) : child.title;
            String base = "s-" + org.policykb.model.SiteUrls.name(words, 24);
            String id = ids.claim(base);
            child.id = id;
            assignIds(child, ids);
        }
    }

    private Section toSection(Node node) {
        List<Section> children = node.children.stream().map(this::toSection).toList();
        String title = node == root ? "" : node.title;
        return new Section(node.id, node.level, node.number, title, node.table,
                new SourceSpan(node.start, node.end, node.line), children);
    }
}
