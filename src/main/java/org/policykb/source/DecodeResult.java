package org.policykb.source;

import java.util.Objects;

import org.policykb.model.Problem;

/** What {@link TextDecoder} made of a file's bytes: its text, or the reason there is none. */
public sealed interface DecodeResult permits DecodeResult.Decoded, DecodeResult.Undecodable {

    /**
     * @param text     the decoded characters, byte-order mark removed, nothing else changed; for a web page or a
     *                 Word document, its canonical text (see {@link CanonicalText})
     * @param charset  its Java name
     * @param warnings what was read but not as intended (a few damaged bytes in a page, say)
     */
    record Decoded(String text, String charset, java.util.List<Problem> warnings) implements DecodeResult {
        public Decoded {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(charset, "charset");
            warnings = java.util.List.copyOf(warnings);
        }

        public Decoded(String text, String charset) {
            this(text, charset, java.util.List.of());
        }
    }

    record Undecodable(Problem problem) implements DecodeResult {
        public Undecodable {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
