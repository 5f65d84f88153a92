/**
 * Finds the content files, detects their charset (byte-order mark, strict UTF-8, then juniversalchardet with a
 * GB18030/Big5 fallback), decodes them strictly and hashes their bytes into {@code model.SourceFile}s; anything
 * unreadable becomes a {@code model.Problem}. Depends on {@code model}, the JDK and juniversalchardet only.
 */
package org.policykb.source;
