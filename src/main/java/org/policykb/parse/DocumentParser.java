package org.policykb.parse;

import org.policykb.model.ParsedDocument;
import org.policykb.model.SourceFile;

/** Reads one decoded source file into its section tree. Implementations are stateless and thread-safe. */
public interface DocumentParser {
    ParsedDocument parse(SourceFile source);
}
