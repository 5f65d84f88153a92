package org.policykb.render;

import java.nio.charset.StandardCharsets;

/**
 * Hrefs between pages as relative, percent-encoded URLs, so the site works from file:// and under any sub-path
 * and a department id in Chinese becomes the same href on every page.
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
        int hash = sitePath.indexOf('#');
        if (hash < 0) {
            return root + encode(sitePath, true);
        }
        return root + encode(sitePath.substring(0, hash), true) + "#" + encode(sitePath.substring(hash + 1), false);
    }

    /** An href to an anchor on the same page. */
    static String anchor(String id) {
        return "#" + encode(id, false);
    }

    /** Percent-encodes UTF-8 bytes of everything but RFC 3986 unreserved characters (and '/' in paths). */
    static String encode(String raw, boolean keepSlash) {
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || (keepSlash && c == '/');
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
