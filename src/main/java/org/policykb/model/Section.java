package org.policykb.model;

import java.util.List;

/**
 * A node of a document's section tree. The root has level 0 and holds the preamble. Every section owns the
 * contiguous text {@code span} from its heading up to the next section's heading, so the spans of all
 * sections, taken in document order, tile the source text exactly: no character is lost or counted twice.
 *
 * @param id       anchor unique within the document, stable while the numbering above it stays the same
 * @param number   the marker as written ({@code 一、}, {@code （二）}, {@code 3．}, {@code 表2}), or null
 * @param title    heading text without the marker; for a run-in heading the text up to the first 。
 * @param table    true for a task table and its rows
 */
public record Section(String id, int level, String number, String title, boolean table, SourceSpan span,
                      List<Section> children) {
    public Section {
        if (level < 0) {
            throw new IllegalArgumentException("level must be >= 0: " + level);
        }
        children = List.copyOf(children);
    }

    /** This section and all below it, in document order. */
    public List<Section> flatten() {
        List<Section> out = new java.util.ArrayList<>();
        collect(this, out);
        return List.copyOf(out);
    }

    private static void collect(Section section, List<Section> out) {
        out.add(section);
        for (Section child : section.children) {
            collect(child, out);
        }
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }
}
