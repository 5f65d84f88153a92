package org.policykb.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.policykb.model.OutputFile;
import org.policykb.model.Problem;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks every internal link of a generated site: each href, src and form action of every HTML page must name
 * a file of the site, and a {@code #fragment} must name an element id (or anchor name) on the target page.
 * Hrefs may be percent-encoded or raw; both resolve to the same file. External URLs are not fetched. Also
 * reports ids that occur twice on one page, since a link to them is ambiguous.
 */
public final class LinkChecker {
    private static final String[][] ATTRIBUTES = {
            {"a[href]", "href"}, {"link[href]", "href"}, {"area[href]", "href"}, {"script[src]", "src"},
            {"img[src]", "src"}, {"iframe[src]", "src"}, {"source[src]", "src"}, {"form[action]", "action"}};

    public List<Problem> check(Collection<OutputFile> files) {
        Map<String, OutputFile> byPath = new TreeMap<>();
        files.forEach(f -> byPath.put(f.path(), f));
        // One parse per page; only ids and links are kept, so memory follows the links, not the DOM trees.
        Map<String, Set<String>> ids = new HashMap<>();
        Map<String, List<String>> links = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        byPath.forEach((path, file) -> {
            if (!isHtml(path)) {
                return;
            }
            Document doc = Jsoup.parse(new String(file.bytes(), StandardCharsets.UTF_8), "");
            Set<String> seen = new HashSet<>();
            for (Element element : doc.select("[id], a[name]")) {
                String id = element.hasAttr("id") ? element.id() : element.attr("name");
                if (!seen.add(id) && element.hasAttr("id")) {
                    problems.add(Problem.error(path, 0, "duplicate id \"" + id + "\""));
                }
            }
            ids.put(path, seen);
            List<String> hrefs = new ArrayList<>();
            for (String[] pair : ATTRIBUTES) {
                for (Element element : doc.select(pair[0])) {
                    hrefs.add(element.attr(pair[1]).strip());
                }
            }
            links.put(path, hrefs);
        });
        links.forEach((path, hrefs) -> {
            for (String href : hrefs) {
                check(path, href, byPath, ids).ifPresent(message ->
                        problems.add(Problem.error(path, 0, "broken link " + quote(href) + ": " + message)));
            }
        });
        return List.copyOf(problems);
    }

    private static Optional<String> check(String page, String href, Map<String, OutputFile> files,
                                                    Map<String, Set<String>> ids) {
        if (href.isEmpty()) {
            return Optional.of("empty link");
        }
        String lower = href.toLowerCase(Locale.ROOT);
        if (lower.startsWith("javascript:")) {
            return Optional.of("script in a link");
        }
        if (href.startsWith("//") || lower.matches("^[a-z][a-z0-9+.-]*:.*")) {
            return Optional.empty();
        }
        if (href.startsWith("/")) {
            return Optional.of("absolute path; the site uses relative links so it works under any sub-path");
        }
        String path = href;
        String fragment = null;
        int hash = path.indexOf('#');
        if (hash >= 0) {
            fragment = decode(path.substring(hash + 1));
            path = path.substring(0, hash);
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        String target;
        if (path.isEmpty()) {
            target = page;
        } else {
            String resolved = resolve(page, decode(path));
            if (resolved == null) {
                return Optional.of("leads outside the site");
            }
            target = resolved.isEmpty() || resolved.endsWith("/") ? resolved + "index.html" : resolved;
            if (!files.containsKey(target)) {
                return Optional.of("no file " + target);
            }
        }
        if (fragment != null && !fragment.isEmpty() && isHtml(target) && !ids.get(target).contains(fragment)) {
            return Optional.of("no element with id \"" + fragment + "\" in " + target);
        }
        return Optional.empty();
    }

    /** The site path a relative path names from a page, or null when it climbs above the site root. */
    static String resolve(String page, String relative) {
        Deque<String> parts = new ArrayDeque<>();
        String[] dirs = page.split("/");
        for (int i = 0; i < dirs.length - 1; i++) {
            parts.addLast(dirs[i]);
        }
        String[] steps = relative.split("/", -1);
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            boolean last = i == steps.length - 1;
            if (step.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
                if (last) {
                    parts.addLast("");
                }
            } else if (step.equals(".") || (step.isEmpty() && !last)) {
                if (last) {
                    parts.addLast("");
                }
            } else {
                parts.addLast(step);
            }
        }
        return String.join("/", parts);
    }

    /** Percent-decodes as UTF-8, leaving '+' alone (it is a plus in a path) and malformed escapes as written. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%' && hex(s, i + 1) >= 0) {
                bytes.write(hex(s, i + 1));
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(String s, int at) {
        if (at + 2 > s.length()) {
            return -1;
        }
        int hi = Character.digit(s.charAt(at), 16);
        int lo = Character.digit(s.charAt(at + 1), 16);
        return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
    }

    private static boolean isHtml(String path) {
        return path.endsWith(".html") || path.endsWith(".htm");
    }

    private static String quote(String href) {
        return "\"" + href + "\"";
    }
}
