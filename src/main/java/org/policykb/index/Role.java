package org.policykb.index;

import java.util.Locale;

/** A department's part in a task: the first unit listed leads (牵头), the others support (配合). */
public enum Role {
    LEAD, SUPPORT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
