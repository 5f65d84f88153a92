package org.policykb.index;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Appends JSON string literals; the browser index is written by hand because it is mostly numbers. */
final class JsonText {
    private JsonText() {
    }

    static void string(StringBuilder out, String value) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, out);
        out.append('"');
    }
}
