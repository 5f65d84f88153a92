package org.policykb.index;

/** Field names of the Lucene index and the weights the searcher and the browser script both use. */
final class SearchFields {
    private SearchFields() {
    }

    static final String ID = "id";
    static final String ORD = "ord";
    static final String TYPE = "type";
    /** The indexed title and the body, stored for the result cards and snippets, searched through TEXT. */
    static final String TITLE = "title";
    static final String BODY = "body";
    /** The one searched field: the title, a line break, the body. */
    static final String TEXT = "text";
    static final String DISPLAY_TITLE = "display_title";
    static final String URL = "url";
    static final String DOCUMENT = "document";
    static final String DOCUMENT_TITLE = "document_title";
    static final String DOCUMENT_KIND = "document_kind";
    static final String LEAD = "lead";
    static final String SUPPORT = "support";
    static final String DEPARTMENT = "department";
    static final String YEAR = "year";
    /**
     * Each item's id and content hash as doc values, which an update and the browser export read for every item
     * without decompressing its stored text. New names: an index from before them is rebuilt, not mixed with them.
     */
    static final String ID_VALUE = "id_value";
    static final String HASH_VALUE = "hash_value";
    /**
     * On a document's own item only: the key of everything its items are made of ({@link IndexedItems#documentKey}),
     * so an update passes over an unchanged document without making its items.
     */
    static final String DOCUMENT_KEY = "document_key";
    /** How many tokens each item's TEXT has, as a doc value: see {@link LiveStatistics}. */
    static final String TOKENS = "text_tokens";

    /** BM25 parameters, Lucene's defaults; the browser export writes them into meta.json. */
    static final float K1 = 1.2f;
    static final float B = 0.75f;

    /** Commit user-data key holding the departments (id, name, aliases) as JSON. */
    static final String DEPARTMENTS_KEY = "policykb.departments";
    /** Commit user-data key holding the content key of what the commit holds ({@link SearchIndex.UpdateCounts}). */
    static final String CONTENT_KEY = "policykb.content";
}
