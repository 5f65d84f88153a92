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

    /** Page {@code number} of a department's ledger; the first is the department's own page. */
    public static String departmentPage(String departmentId, int number) {
        return number == 1 ? department(departmentId) : "departments/" + departmentId + "/" + number + ".html";
    }

    /** Goals are listed per document; each has its own anchor there. */
    public static String goal(String goalId) {
        int slash = goalId.lastIndexOf('/');
        return "goals/" + goalId.substring(0, slash) + ".html#" + goalId.substring(slash + 1);
    }

    /**
     * A readable, stable name for a thing from its own words: the slug of {@code words}, cut to {@code max}
     * characters with a short hash of the whole appended when cut, so two long titles that begin alike still differ.
     */
    public static String name(String words, int max) {
        String slug = slug(words);
        if (slug.codePointCount(0, slug.length()) <= max) {
            return slug;
        }
        int cut = slug.offsetByCodePoints(0, max);
        return slug.substring(0, cut).replaceAll("[-.]+$", "") + "-" + shortHash(words);
    }

    /** Six hex digits of SHA-1: enough to tell apart the few names that share a prefix within one document. */
    public static String shortHash(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-1").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return String.format("%02x%02x%02x", d[0], d[1], d[2]);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
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
