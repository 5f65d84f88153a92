package org.policykb.render;

import org.attoparser.AbstractMarkupHandler;
import org.attoparser.MarkupParser;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.jsoup.parser.Parser;
import org.policykb.model.OutputFile;
import org.policykb.model.Problem;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
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
 * reports ids that occur twice on one page, since a link to them is ambiguous. Problems name the page and the line.
 */
public final class LinkChecker {
    /** The attribute of each element that names another file, for the elements that link or load. */
    private static final Map<String, String> LINKING = Map.of("a", "href", "link", "href", "area", "href",
            "script", "src", "img", "src", "iframe", "src", "source", "src", "form", "action");

    public List<Problem> check(Collection<OutputFile> files) {
        Session session = session();
        files.forEach(session::accept);
        return session.problems();
    }

    /** A check that takes the site's files one at a time, from several threads, keeping only ids and link targets. */
    public Session session() {
        return session(path -> {
            throw new IllegalStateException("No page was kept: " + path);
        });
    }

    /** As {@link #session()}, reading a page {@link Session#kept kept} from the last build with {@code keptPage}. */
    public Session session(java.util.function.Function<String, byte[]> keptPage) {
        return new Session(keptPage);
    }

    /**
     * Collects, per page, the ids it has and the targets it links to; {@link #problems()} then resolves every
     * target still pending. Memory follows the distinct link targets, not the pages: a target linked from many pages
     * is kept once, with the first few pages that link to it for the report; and the targets in a file are settled
     * as soon as the file arrives, so what stays pending is what links ahead to files not made yet.
     */
    public static final class Session {
        private static final int PAGES_NAMED = 3;
        private final Set<String> files = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final Map<String, String[]> ids = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<String, String> idNames = new java.util.concurrent.ConcurrentHashMap<>();
        /** The bytes of a kept page, read only if a page links into it. */
        private final java.util.function.Function<String, byte[]> keptPage;
        /** Targets not yet found, by file, then by fragment ("" for none); changed only inside the map's compute. */
        private final Map<String, Map<String, Referrers>> pending = new java.util.concurrent.ConcurrentHashMap<>();
        private final List<Problem> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        private final MarkupParser parser = markupParser();

        private Session(java.util.function.Function<String, byte[]> keptPage) {
            this.keptPage = keptPage;
        }

        /** One link to a target: the page, the line of the page and the href as written. */
        private record Referrer(String page, int line, String href) {
        }

        /** Who links to one target: the first few links and how many there are in all. */
        private static final class Referrers {
            final List<Referrer> named = new ArrayList<>(1);
            int count;

            void add(Referrer referrer) {
                count++;
                if (named.size() < PAGES_NAMED) {
                    named.add(referrer);
                }
            }
        }

        public void accept(OutputFile file) {
            String path = file.path();
            files.add(path);
            if (isHtml(path)) {
                ids.put(path, ids(path, file.bytes(), true));
            }
            settle(path);
        }

        /** A file that is not a page (data, a feed): links to it need only its name. */
        public void accept(String path) {
            if (isHtml(path)) {
                throw new IllegalArgumentException("A page must be checked with its bytes: " + path);
            }
            files.add(path);
            settle(path);
        }

        /**
         * A file carried over unchanged from the last build, whose links were checked then and still hold (its view,
         * which names every target, did not change). A page's ids are read (by the session's reader of kept pages)
         * only if a page links into it: nothing is kept of it but its path, for the 200,000 pages an edit keeps.
         */
        public void kept(String path) {
            files.add(path);
            settle(path);
        }

        /**
         * Drops the pending targets in a file that has just arrived and holds them. A target it lacks stays for
         * {@link #problems()}, and so does a link that was pending while the file arrived: it is found at the end.
         */
        private void settle(String file) {
            pending.computeIfPresent(file, (f, fragments) -> {
                fragments.keySet().removeIf(fragment -> brokenBecause(f, fragment) == null);
                return fragments.isEmpty() ? null : fragments;
            });
        }

        private String[] idsOf(String file) {
            String[] known = ids.get(file);
            if (known == null) {
                known = ids(file, keptPage.apply(file), false);
                ids.put(file, known);
            }
            return known;
        }

        /** The page's ids (and a-names), sorted; with {@code check}, its links and duplicate ids are checked too. */
        private String[] ids(String path, byte[] page, boolean check) {
            // An event parser, not a DOM: each tag is seen once and nothing of it is kept but its ids and links. A
            // department page of a large site is megabytes, and the check reads every page the build writes.
            PageReader reader = new PageReader(path, check);
            CharBuffer text = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(page));
            try {
                parser.parse(text.array(), text.arrayOffset() + text.position(), text.remaining(), reader);
            } catch (ParseException e) {
                problems.add(Problem.error(path, Math.max(0, e.getLine() == null ? 0 : e.getLine()),
                        "not readable as HTML: " + e.getMessage()));
            }
            // the ids as one small array of shared strings: a site of 10,000 documents has millions of ids, most of
            // them the same few that every page of a template has
            return reader.seen.stream().map(id -> idNames.computeIfAbsent(id, k -> k)).sorted().toArray(String[]::new);
        }

        /** Reads one page's tags: records its ids and a-names, and (when checking) its duplicate ids and its links. */
        private final class PageReader extends AbstractMarkupHandler {
            private final String path;
            private final boolean check;
            private final Set<String> seen = new HashSet<>();
            private String element = "";

            PageReader(String path, boolean check) {
                this.path = path;
                this.check = check;
            }

            @Override
            public void handleOpenElementStart(char[] buffer, int offset, int length, int line, int col) {
                element = new String(buffer, offset, length).toLowerCase(Locale.ROOT);
            }

            @Override
            public void handleStandaloneElementStart(char[] buffer, int offset, int length, boolean minimized,
                                                     int line, int col) {
                element = new String(buffer, offset, length).toLowerCase(Locale.ROOT);
            }

            @Override
            public void handleAttribute(char[] buffer, int nameOffset, int nameLength, int nameLine, int nameCol,
                                        int operatorOffset, int operatorLength, int operatorLine, int operatorCol,
                                        int valueOffset, int valueLength, int valueOuterOffset, int valueOuterLength,
                                        int valueLine, int valueCol) {
                if (is(buffer, nameOffset, nameLength, "id")) {
                    String id = value(buffer, valueOffset, valueLength);
                    if (!seen.add(id) && check) {
                        problems.add(Problem.error(path, nameLine, "duplicate id \"" + id + "\""));
                    }
                } else if (element.equals("a") && is(buffer, nameOffset, nameLength, "name")) {
                    seen.add(value(buffer, valueOffset, valueLength));
                } else if (check) {
                    String linking = LINKING.get(element);
                    if (linking != null && is(buffer, nameOffset, nameLength, linking)) {
                        link(path, nameLine, value(buffer, valueOffset, valueLength).strip());
                    }
                }
            }
        }

        private void link(String path, int line, String href) {
            String[] target = new String[1];
            immediate(path, href, target).ifPresentOrElse(
                    message -> problems.add(Problem.error(path, line, "broken link " + quote(href) + ": " + message)),
                    () -> {
                        // a target already known to be there needs no keeping: at scale most links resolve now
                        if (target[0] != null) {
                            String file = fileOf(target[0]);
                            String fragment = target[0].substring(file.length() + (file.length() < target[0].length() ? 1 : 0));
                            if (!(known(file) && brokenBecause(file, fragment) == null)) {
                                pending.compute(file, (f, fragments) -> {
                                    Map<String, Referrers> out = fragments == null ? new HashMap<>() : fragments;
                                    out.computeIfAbsent(fragment, k -> new Referrers()).add(new Referrer(path, line, href));
                                    return out;
                                });
                            }
                        }
                    });
        }

        /** True when the file has been seen, with its ids if it is a page rendered in this build. */
        private boolean known(String file) {
            return files.contains(file) && (!isHtml(file) || ids.containsKey(file));
        }

        private static String fileOf(String target) {
            int hash = target.indexOf('#');
            return hash < 0 ? target : target.substring(0, hash);
        }

        /** Why a link to {@code fragment} ("" for none) of {@code file} is broken, or null when it is not. */
        private String brokenBecause(String file, String fragment) {
            if (!files.contains(file)) {
                return "no file " + file;
            }
            if (!fragment.isEmpty() && isHtml(file)
                    && java.util.Arrays.binarySearch(idsOf(file), fragment) < 0) {
                return "no element with id \"" + fragment + "\" in " + file;
            }
            return null;
        }

        /** Every problem found, in page order. */
        public List<Problem> problems() {
            List<Problem> out = new ArrayList<>(problems);
            pending.forEach((file, fragments) -> fragments.forEach((fragment, referrers) -> {
                String message = brokenBecause(file, fragment);
                if (message != null) {
                    int more = referrers.count - referrers.named.size();
                    for (Referrer ref : referrers.named) {
                        out.add(Problem.error(ref.page(), ref.line(), "broken link " + quote(ref.href()) + ": " + message
                                + (more > 0 ? " (and " + more + " more links to it)" : "")));
                    }
                }
            }));
            out.sort(java.util.Comparator.comparing(Problem::file).thenComparingInt(Problem::line)
                    .thenComparing(Problem::message));
            return List.copyOf(out);
        }
    }

    /**
     * What can be told of a link from its page alone: a problem message, or nothing (then {@code target[0]} holds
     * the site path and fragment it needs, {@code path#fragment}, or stays null for an external link).
     */
    private static Optional<String> immediate(String page, String href, String[] target) {
        if (href.isEmpty()) {
            return Optional.of("empty link");
        }
        String lower = href.toLowerCase(Locale.ROOT);
        if (lower.startsWith("javascript:")) {
            return Optional.of("script in a link");
        }
        if (href.startsWith("//") || hasScheme(lower)) {
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
        String file;
        if (path.isEmpty()) {
            file = page;
        } else {
            String resolved = resolve(page, decode(path));
            if (resolved == null) {
                return Optional.of("leads outside the site");
            }
            file = resolved.isEmpty() || resolved.endsWith("/") ? resolved + "index.html" : resolved;
        }
        target[0] = fragment == null ? file : file + "#" + fragment;
        return Optional.empty();
    }

    /** The site path a relative path names from a page, or null when it climbs above the site root. */
    static String resolve(String page, String relative) {
        // the page's folder with its slash; each step of the relative path then adds a name or climbs one folder
        StringBuilder out = new StringBuilder(page.length() + relative.length());
        out.append(page, 0, page.lastIndexOf('/') + 1);
        for (int at = 0; ; ) {
            int slash = relative.indexOf('/', at);
            int end = slash < 0 ? relative.length() : slash;
            if (end - at == 2 && relative.startsWith("..", at)) {
                if (out.isEmpty()) {
                    return null;
                }
                out.setLength(out.lastIndexOf("/", out.length() - 2) + 1);
            } else if (end > at && !(end - at == 1 && relative.charAt(at) == '.')) {
                out.append(relative, at, end);
                if (slash >= 0) {
                    out.append('/');
                }
            }
            if (slash < 0) {
                return out.toString();
            }
            at = slash + 1;
        }
    }

    /** True when the (lower-case) href starts with a URL scheme such as {@code https:} or {@code mailto:}. */
    private static boolean hasScheme(String href) {
        if (href.isEmpty() || href.charAt(0) < 'a' || href.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < href.length(); i++) {
            char c = href.charAt(i);
            if (c == ':') {
                return true;
            }
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-')) {
                return false;
            }
        }
        return false;
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

    /** HTML as a browser reads it, tags only: scripts, styles and comments hold no links; nothing is balanced. */
    private static MarkupParser markupParser() {
        ParseConfiguration configuration = ParseConfiguration.htmlConfiguration();
        configuration.setElementBalancing(ParseConfiguration.ElementBalancing.NO_BALANCING);
        return new MarkupParser(configuration);
    }

    /** True when the buffer's region is the (lower-case) attribute name {@code name}, in any case. */
    private static boolean is(char[] buffer, int offset, int length, String name) {
        if (length != name.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (Character.toLowerCase(buffer[offset + i]) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** An attribute value as the browser reads it: character references decoded. */
    private static String value(char[] buffer, int offset, int length) {
        String raw = new String(buffer, offset, length);
        return raw.indexOf('&') < 0 ? raw : Parser.unescapeEntities(raw, true);
    }

    private static boolean isHtml(String path) {
        return path.endsWith(".html") || path.endsWith(".htm");
    }

    private static String quote(String href) {
        return "\"" + href + "\"";
    }
}
