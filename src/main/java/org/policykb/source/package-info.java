/**
 * Finds the content files, detects their charset (byte-order mark, strict UTF-8, then juniversalchardet with a
 * GB18030/Big5 fallback), decodes them strictly and hashes their bytes into {@code model.SourceFile}s; anything
 * unreadable becomes a {@code model.Problem}. Web pages (jsoup) and Word documents (Apache POI) become their
 * canonical text — what a reader sees, one paragraph per line, tables flattened, header metadata as front
 * matter — so that every later stage reads them as plain text. Depends on {@code model}, the JDK,
 * juniversalchardet, jsoup and Apache POI only.
 */
package org.policykb.source;
