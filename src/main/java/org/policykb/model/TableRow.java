package org.policykb.model;

import java.util.List;
import java.util.Optional;

/**
 * A row of a table in a document, e.g. a row of a 重点项目清单 (序号 / 名称 / 主要内容). The row's text lies
 * inside its table section's span.
 *
 * @param sectionId   the anchor of the table section
 * @param index       1-based position in the table
 * @param number      the 序号 cell as written, or the index when there is none
 * @param name        the 名称 cell, with wrapped lines joined
 * @param responsible the cell of a 责任单位 / 牵头单位 column, when the table has one
 */
public record TableRow(String sectionId, int index, String number, String name, SourceSpan span,
                       List<String> cells, Optional<String> responsible) {
    public TableRow {
        cells = List.copyOf(cells);
    }
}
