package org.policykb.source;

import java.util.Objects;

import org.policykb.model.Problem;

/** What {@link TextDecoder} made of a file's bytes: its text, or the reason there is none. */
public sealed interface DecodeResult permits DecodeResult.Decoded, DecodeResult.Undecodable {

    /** @param text the decoded characters, byte-order mark removed, nothing else changed; @param charset its Java name */
    record Decoded(String text, String charset) implements DecodeResult {
        public Decoded {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(charset, "charset");
        }
    }

    record Undecodable(Problem problem) implements DecodeResult {
        public Undecodable {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
