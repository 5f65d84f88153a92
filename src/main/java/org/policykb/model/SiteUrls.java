package org.policykb.model;

/**
 * Where each thing lives in the generated site, as paths relative to the site root. The data export, the
 * pages and the browser index all take their links from here, so a URL is decided in exactly one place.
 */
public final class SiteUrls {
    private SiteUrls() {
    }

    public static String document(String documentId) {
        return "documents/" + documentId + ".html";
    }

    public static String section(String documentId, String sectionId) {
        return document(documentId) + "#" + sectionId;
    }

    public static String task(String taskId) {
        return "tasks/" + taskId + ".html";
    }

    public static String department(String departmentId) {
        return "departments/" + departmentId + ".html";
    }

    /** Goals are listed per document; each has its own anchor there. */
    public static String goal(String goalId) {
        int slash = goalId.lastIndexOf('/');
        return "goals/" + goalId.substring(0, slash) + ".html#" + goalId.substring(slash + 1);
    }

    /**
     * A string safe as one path segment and as an HTML id: letters (any script), digits, '-', '_' and '.';
     * anything else becomes '-'.
     */
    public static String slug(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_' || cp == '.') {
                out.appendCodePoint(cp);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        });
        String slug = out.toString().replaceAll("^[-.]+|[-.]+$", "");
        return slug.isEmpty() ? "x" : slug;
    }
}
