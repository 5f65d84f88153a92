package org.policykb.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The Lucene document of an {@link IndexedItem}, and the {@link SearchHit} read back from one. */
final class ItemDocument {
    private ItemDocument() {
    }

    /**
     * @param text        the item's {@link #text} as the analyzer's tokens, counted on their way into the index
     * @param documentKey the key of the item's document ({@link IndexedItems#documentKey}), kept on its own item
     */
    static Document of(IndexedItem item, LiveStatistics.TokenCount text, String documentKey) {
        Document doc = new Document();
        doc.add(new StringField(SearchFields.ID, item.id(), Field.Store.YES));
        doc.add(new NumericDocValuesField(SearchFields.ORD, item.ord()));
        doc.add(new StoredField(SearchFields.ORD, item.ord()));
        doc.add(new StringField(SearchFields.TYPE, item.type().code(), Field.Store.YES));
        // One searched field, so every term has one posting list and one BM25 score, here and in the browser.
        // The title leads it; tasks and sections repeat their heading in the body, so a heading counts twice.
        doc.add(new TextField(SearchFields.TEXT, text));
        // set once the text is indexed and counted (IndexWriter.updateNumericDocValue), which is after this document
        doc.add(new NumericDocValuesField(SearchFields.TOKENS, 0));
        doc.add(new StoredField(SearchFields.TITLE, item.title()));
        doc.add(new StoredField(SearchFields.BODY, item.body()));
        doc.add(new StoredField(SearchFields.DISPLAY_TITLE, item.displayTitle()));
        doc.add(new StoredField(SearchFields.URL, item.url()));
        doc.add(new StringField(SearchFields.DOCUMENT, item.documentId(), Field.Store.YES));
        doc.add(new StoredField(SearchFields.DOCUMENT_TITLE, item.documentTitle()));
        doc.add(new StringField(SearchFields.DOCUMENT_KIND, item.documentKind(), Field.Store.YES));
        item.lead().ifPresent(id -> {
            doc.add(new StringField(SearchFields.LEAD, id, Field.Store.YES));
            doc.add(new StringField(SearchFields.DEPARTMENT, id, Field.Store.NO));
        });
        for (String id : item.support()) {
            doc.add(new StringField(SearchFields.SUPPORT, id, Field.Store.YES));
            doc.add(new StringField(SearchFields.DEPARTMENT, id, Field.Store.NO));
        }
        for (int year : item.years()) {
            doc.add(new IntField(SearchFields.YEAR, year, Field.Store.YES));
        }
        doc.add(new SortedDocValuesField(SearchFields.ID_VALUE, new BytesRef(item.id())));
        doc.add(new BinaryDocValuesField(SearchFields.HASH_VALUE, new BytesRef(item.contentHash())));
        if (item.type() == HitType.DOCUMENT) {
            doc.add(new BinaryDocValuesField(SearchFields.DOCUMENT_KEY, new BytesRef(documentKey)));
        }
        return doc;
    }

    /** One live item's number, id and content hash, with its document number in the whole reader. */
    interface ItemVisitor {
        void visit(int doc, int ord, String id, String hash);
    }

    /**
     * Visits every live item's number, id and content hash (from doc values: no stored text is decompressed).
     * Returns false when some live document lacks them, as in an index written before they existed, after
     * visiting the rest.
     */
    static boolean visitItems(IndexReader reader, ItemVisitor visitor) throws IOException {
        boolean complete = true;
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafReader segment = leaf.reader();
            Bits live = segment.getLiveDocs();
            NumericDocValues ords = segment.getNumericDocValues(SearchFields.ORD);
            SortedDocValues ids = segment.getSortedDocValues(SearchFields.ID_VALUE);
            BinaryDocValues hashes = segment.getBinaryDocValues(SearchFields.HASH_VALUE);
            if (segment.getNumericDocValues(SearchFields.TOKENS) == null && segment.numDocs() > 0) {
                complete = false; // written before token counts were kept
            }
            for (int doc = 0; doc < segment.maxDoc(); doc++) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                if (ords == null || ids == null || hashes == null || !ords.advanceExact(doc) || !ids.advanceExact(doc)
                        || !hashes.advanceExact(doc)) {
                    complete = false;
                    continue;
                }
                visitor.visit(leaf.docBase + doc, (int) ords.longValue(), ids.lookupOrd(ids.ordValue()).utf8ToString(),
                        hashes.binaryValue().utf8ToString());
            }
        }
        return complete;
    }

    /** The searched text of an item; search.js rebuilds it from a card the same way. */
    static String text(String title, String body) {
        return title.isBlank() ? body : title + "\n" + body;
    }

    static SearchHit hit(Document doc, float score, Snippet snippet) {
        return new SearchHit(doc.get(SearchFields.ID), type(doc), doc.get(SearchFields.DISPLAY_TITLE),
                doc.get(SearchFields.URL), doc.get(SearchFields.DOCUMENT), doc.get(SearchFields.DOCUMENT_TITLE), score,
                snippet, Optional.ofNullable(doc.get(SearchFields.LEAD)), support(doc),
                doc.get(SearchFields.DOCUMENT_KIND), years(doc));
    }

    static HitType type(Document doc) {
        String code = doc.get(SearchFields.TYPE);
        return HitType.fromCode(code).orElseThrow(() -> new IllegalStateException("Unknown item type in the index: " + code));
    }

    static List<String> support(Document doc) {
        return Arrays.stream(doc.getFields(SearchFields.SUPPORT)).map(IndexableField::stringValue).toList();
    }

    static List<Integer> years(Document doc) {
        return Arrays.stream(doc.getFields(SearchFields.YEAR)).map(f -> f.numericValue().intValue()).toList();
    }

    static int ord(Document doc) {
        return doc.getField(SearchFields.ORD).numericValue().intValue();
    }
}
