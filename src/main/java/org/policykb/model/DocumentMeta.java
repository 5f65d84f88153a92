package org.policykb.model;

import java.time.LocalDate;
import java.util.Optional;

/** What a document says about itself: title, 发文字号, issuing body, date and kind. */
public record DocumentMeta(String title, Optional<String> docNumber, Optional<String> issuer,
                           Optional<LocalDate> date, DocumentKind kind) {
    public DocumentMeta {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A document needs a title");
        }
    }
}
