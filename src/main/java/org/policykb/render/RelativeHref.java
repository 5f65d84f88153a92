package org.policykb.render;

import java.nio.charset.StandardCharsets;

/**
 * Hrefs between pages as relative URLs, so the site works from file:// and under any sub-path and a department id
 * in Chinese becomes the same href on every page. In pages the href is an IRI: letters, digits and punctuation
 * beyond ASCII stay as they are (a browser percent-encodes them itself when it follows the link), since as
 * %XX escapes every Chinese character takes nine bytes instead of three, and a department page listing thousands
 * of tasks is mostly hrefs. ASCII outside RFC 3986's unreserved set, spaces, controls and invisible characters are
 * still escaped. The sitemap needs URIs proper and gets every non-ASCII byte escaped ({@link #uri}).
 */
final class RelativeHref {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RelativeHref() {
    }

    /** The prefix that leads from a page back to the site root, e.g. {@code ../../} for tasks/doc/1.html. */
    static String root(String pagePath) {
        return "../".repeat((int) pagePath.chars().filter(c -> c == '/').count());
    }

    /** An href from a page with the given root prefix to a site path that may carry a {@code #fragment}. */
    static String to(String root, String sitePath) {
        return root + encode(sitePath, true);
    }

    /** The site path as a URI with every non-ASCII byte percent-encoded, for the sitemap. */
    static String uri(String sitePath) {
        return encode(sitePath, false);
    }

    /** An href to an anchor on the same page. */
    static String anchor(String id) {
        return "#" + escape(id, false, true);
    }

    private static String encode(String sitePath, boolean keepText) {
        int hash = sitePath.indexOf('#');
        if (hash < 0) {
            return escape(sitePath, true, keepText);
        }
        return escape(sitePath.substring(0, hash), true, keepText) + "#" + escape(sitePath.substring(hash + 1), false, keepText);
    }

    /**
     * Percent-encodes the UTF-8 bytes of everything but RFC 3986 unreserved characters, '/' in paths and, with
     * {@code keepText}, visible characters beyond ASCII.
     */
    private static String escape(String raw, boolean keepSlash, boolean keepText) {
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean unreserved = (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')
                    || cp == '-' || cp == '.' || cp == '_' || cp == '~' || (keepSlash && cp == '/');
            if (unreserved || (keepText && visibleBeyondAscii(cp))) {
                out.append(raw, i, next);
            } else {
                for (byte b : raw.substring(i, next).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b & 0xff) >> 4]).append(HEX[b & 0xf]);
                }
            }
            i = next;
        }
        return out.toString();
    }

    /** Letters, digits, marks, punctuation and symbols past Latin-1's controls; not spaces, format or private use. */
    private static boolean visibleBeyondAscii(int cp) {
        if (cp < 0xA0) {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED,
                 Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> (cp & 0xFFFE) != 0xFFFE && !(cp >= 0xFDD0 && cp <= 0xFDEF);
        };
    }
}
