package org.policykb.source;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the document's body in a web page: a portal's body container when there is one (TRS_Editor,
 * pages_content, zoom …), else its article or content container, otherwise the element whose paragraphs hold the most Chinese text,
 * after the page's chrome (scripts, navigation, headers, footers, forms, hidden and link-heavy blocks) is gone.
 */
final class PageBody {
    private static final String CHROME = "script, style, noscript, template, iframe, object, embed, svg, canvas, map, "
            + "audio, video, nav, header, footer, aside, form, button, input, select, textarea, menu";
    /** Names portals give the element that holds exactly the document's text (TRS, UCAP and similar systems). */
    private static final Pattern BODY_NAME = Pattern.compile(
            "(?i)trs_?editor|pages?_content|ucap-content|ccontent|zoom|zhengwen|wzzw|article[-_]?content|art_con|main-?text|(?:^|[-_])zw(?:$|[-_])");
    /** Names of wider containers: the article with its title, dates and tools. */
    private static final Pattern CONTENT_NAME = Pattern.compile("(?i)article|content|detail|con_?text|textcon");
    private static final Pattern CHROME_NAME = Pattern.compile(
            "(?i)^(?:nav|navbar|menu|footer|foot|header|head|banner|breadcrumbs?|crumbs?|position|location|share|bdshare"
                    + "|fenxiang|print|related|relate|xgwj|xglj|sidebar|copyright|login|search|pager|pagination|qrcode|ewm)(?:[-_].*)?$");
    private static final Pattern HIDDEN_STYLE = Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");
    private static final Pattern CHROME_WORDS = Pattern.compile(
            "^(?:[【\\[]?(?:打印本页|打印|关闭窗口|关闭|返回顶部|返回|收藏|分享到|字号|大|中|小|默认|我要纠错|扫一扫在手机打开当前页)[】\\]]?[:：]?)+$");
    private static final double ALMOST_ALL = 0.9;
    /** A candidate inside a chosen container replaces it when it holds this share of its Chinese text. */
    private static final double NESTED_SHARE = 0.9;

    private PageBody() {
    }

    /** Removes the chrome from {@code page} and returns the element that holds the document's body. */
    static Element find(Document page) {
        Element body = page.body();
        int total = HtmlText.han(body.text());
        removeChrome(body, total);
        Element container = named(body, BODY_NAME).or(() -> named(body, CONTENT_NAME)).or(() -> densest(body)).orElse(body);
        removeLinkLists(container);
        return container;
    }

    /**
     * Chrome elements go, unless one holds most of the page (old portals wrap the whole page in a form, and a
     * header element may hold a whole article).
     */
    private static void removeChrome(Element body, int total) {
        for (Element e : body.select(CHROME)) {
            if (e.parent() != null && !holdsMost(e, total)) {
                e.remove();
            }
        }
        for (Element e : body.getAllElements()) {
            if (e == body || e.parent() == null) {
                continue;
            }
            boolean hidden = e.hasAttr("hidden") || HIDDEN_STYLE.matcher(e.attr("style")).find();
            boolean chromeName = CHROME_NAME.matcher(e.id()).matches()
                    || e.classNames().stream().anyMatch(c -> CHROME_NAME.matcher(c).matches());
            // A hidden element that holds nearly all the text is shown by a script; any other is not seen.
            if (hidden && !holds(e, total, ALMOST_ALL) || chromeName && !holdsMost(e, total)) {
                e.remove();
            }
        }
    }

    private static boolean holdsMost(Element e, int total) {
        return holds(e, total, 0.5);
    }

    private static boolean holds(Element e, int total, double share) {
        return total > 0 && HtmlText.han(e.text()) > share * total;
    }

    /** The named container with the most Chinese text, then the innermost named one that keeps nearly all of it. */
    private static Optional<Element> named(Element body, Pattern name) {
        List<Element> candidates = body.getAllElements().stream()
                .filter(e -> e != body && isNamed(e, name) && HtmlText.han(e.text()) >= 20)
                .toList();
        Optional<Element> best = candidates.stream().max(Comparator.comparingInt(e -> HtmlText.han(e.text())));
        if (best.isEmpty()) {
            return best;
        }
        Element chosen = best.get();
        boolean narrowed = true;
        while (narrowed) {
            narrowed = false;
            int han = HtmlText.han(chosen.text());
            for (Element inner : candidates) {
                if (inner != chosen && inner.parents().contains(chosen) && HtmlText.han(inner.text()) >= NESTED_SHARE * han) {
                    chosen = inner;
                    narrowed = true;
                    break;
                }
            }
        }
        return Optional.of(chosen);
    }

    private static boolean isNamed(Element e, Pattern name) {
        return name.matcher(e.id()).find() || e.classNames().stream().anyMatch(c -> name.matcher(c).find());
    }

    /** The element whose paragraphs hold the most Chinese text outside links (each paragraph scores its parent). */
    private static Optional<Element> densest(Element body) {
        Map<Element, Integer> scores = new HashMap<>();
        for (Element e : body.getAllElements()) {
            int own = 0;
            for (Node child : e.childNodes()) {
                if (child instanceof TextNode t) {
                    own += HtmlText.han(t.text());
                } else if (child instanceof Element inline && !inline.isBlock() && !inline.normalName().equals("a")) {
                    own += HtmlText.han(inline.text());
                }
            }
            if (own < 10) {
                continue;
            }
            Element parent = e.parent();
            if (parent != null) {
                scores.merge(parent, own, Integer::sum);
                if (parent.parent() != null) {
                    scores.merge(parent.parent(), own / 2, Integer::sum);
                }
            }
        }
        return scores.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /** Lists of links (related documents, next/previous) and print/close buttons are not the document. */
    private static void removeLinkLists(Element container) {
        for (Element e : container.select("ul, ol, dl, div, p, table, span, td")) {
            if (e.parent() == null || e == container) {
                continue;
            }
            String text = e.text().replaceAll("[\\s\\u00A0\\u3000]+", "");
            if (!text.isEmpty() && CHROME_WORDS.matcher(text).matches()) {
                e.remove();
                continue;
            }
            int links = e.select("a").size();
            if (links >= 3) {
                int linkHan = e.select("a").stream().mapToInt(a -> HtmlText.han(a.text())).sum();
                int han = HtmlText.han(e.text());
                if (han > 0 && linkHan >= 0.6 * han) {
                    e.remove();
                }
            }
        }
    }
}
