package org.policykb.model;

/** What sort of policy document this is; it decides what counts as a task and as a goal. */
public enum DocumentKind {
    /** A multi-year plan, an opinion (意见) or a programme (方案): forward-looking, with chapters of tasks. */
    PLAN("plan"),
    /** An annual list of work points (工作要点, 工作计划). */
    WORK_PLAN("work-plan"),
    /** A work report or press briefing: mostly past achievements, with next steps. */
    REPORT("report"),
    /** A newspaper article: no tasks. */
    NEWS("news");

    private final String code;

    DocumentKind(String code) {
        this.code = code;
    }

    /** The code used in front matter and in the data export, e.g. {@code work-plan}. */
    public String code() {
        return code;
    }

    public static java.util.Optional<DocumentKind> fromCode(String code) {
        for (DocumentKind kind : values()) {
            if (kind.code.equalsIgnoreCase(code.strip())) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }
}
