package org.policykb.parse;

import java.util.List;

/** What a format-specific reader hands to the {@link StructureBuilder}: lines, forced headings and tables. */
sealed interface Block {
    int start();

    /** A line of running text (it may still turn out to be a marked or unmarked heading). */
    record TextLine(Line line) implements Block {
        public int start() {
            return line.start();
        }
    }

    /** A line the format itself marks as a heading (a Markdown {@code #} heading): never body text. */
    record HeadingLine(Line line, String text) implements Block {
        public int start() {
            return line.start();
        }
    }

    /** A table: its caption line (may be null), and rows of cells; the first row may be a header. */
    record Table(Line caption, List<List<Cell>> rows, int start, int end, int firstLine) implements Block {
        public Table {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** One table cell: its text with wrapped lines joined, and where it starts and ends in the source. */
    record Cell(String text, int start, int end) {
    }
}
