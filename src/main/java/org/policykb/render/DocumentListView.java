package org.policykb.render;

import java.util.List;

/** The documents index: every document, newest first. */
public record DocumentListView(PageInfo page, List<Row> documents) {
    public DocumentListView {
        documents = List.copyOf(documents);
    }

    /** One document in a list; strings are empty where the document does not say. */
    public record Row(Link document, String docNumber, String issuer, String date, String kind, int taskCount,
                      int goalCount) {
    }
}
