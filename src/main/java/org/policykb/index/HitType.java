package org.policykb.index;

import java.util.Locale;
import java.util.Optional;

/** What a search hit is. The order is the order of the item numbers in the browser index. */
public enum HitType {
    DOCUMENT, SECTION, TASK, GOAL;

    /** The lower-case name used on the command line, in the index and in the browser index. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<HitType> fromCode(String code) {
        for (HitType type : values()) {
            if (type.code().equalsIgnoreCase(code.strip())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
