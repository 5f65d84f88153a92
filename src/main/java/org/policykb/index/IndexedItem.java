package org.policykb.index;

import org.policykb.model.Sha256;
import java.util.List;
import java.util.Optional;

/**
 * One searchable thing as the index stores it: a document (title and preamble), a section (its own span), a
 * task or a goal. {@code ord} orders items by type, then document, then position; equal scores are broken
 * by it, in Lucene and in the browser alike, and it is the item number of the browser index. {@code years} are
 * the goal years it answers to: a goal's own year, the distinct years of a task's goals, none for the rest.
 */
record IndexedItem(String id, HitType type, int ord, String title, String displayTitle, String body, String url,
                   String documentId, String documentTitle, String documentKind, Optional<String> lead,
                   List<String> support, List<Integer> years) {
    /** Changes whenever what is stored of an item changes, so items of older indexes are written again. */
    static final String FORMAT = "v4";

    IndexedItem {
        support = List.copyOf(support);
        years = List.copyOf(years);
    }

    /** A digest of everything stored, so an unchanged item is not rewritten. */
    String contentHash() {
        // the leading version changes whenever what is stored changes, so older indexes are rewritten
        String all = String.join("\u0000", type.code(), Integer.toString(ord), title, displayTitle, body, url,
                documentId, documentTitle, documentKind, lead.orElse(""), String.join("\u0001", support),
                String.join("\u0001", years.stream().map(String::valueOf).toList()));
        byte[] digest = Sha256.digest().digest(all.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return FORMAT + ":" + java.util.HexFormat.of().formatHex(digest, 0, 16);
    }
}
