package org.policykb.source;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.policykb.model.Problem;
import org.policykb.source.DecodeResult.Decoded;
import org.policykb.source.DecodeResult.Undecodable;
import org.policykb.source.StrictDecoding.Broken;
import org.policykb.source.StrictDecoding.Clean;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a web page saved from a government portal into its {@link CanonicalText}: the document's body as a
 * reader sees it, and in front the metadata the portal gives in its header table or meta tags. The charset
 * comes from a byte-order mark, else the page's own declaration when the bytes bear it out, else
 * {@link TextDecoder}. Thread-safe.
 */
public final class HtmlReader {
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)|<\\?xml[^>]+?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)");
    private static final int DECLARATION_WINDOW = 4096;
    /** A declared charset that garbles one sequence in this many characters is right, and the bytes damaged. */
    private static final int READABLE_PER_BAD_SEQUENCE = 50;
    /** What sites put between a document's title and their own name in {@code <title>}; a bare hyphen may be in a title (2021-2025年). */
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s*(?:_+|\\|+|｜)\\s*|\\s+[-–—]+\\s+|--+");
    private static final int HEAD_LINES = 6;
    /** A document title is longer than a site's or a column's name (「通知公告」). */
    private static final int MIN_TITLE_HAN = 6;

    private final TextDecoder decoder;

    public HtmlReader(TextDecoder decoder) {
        this.decoder = decoder;
    }

    public DecodeResult read(String fileName, byte[] bytes) {
        List<Problem> warnings = new ArrayList<>();
        DecodeResult decoded = decode(fileName, bytes, warnings);
        if (!(decoded instanceof Decoded html)) {
            return decoded; // the decoder names the reason
        }
        Document page = Jsoup.parse(html.text());
        CanonicalText out = new CanonicalText();
        PortalHeader header = PortalHeader.find(page);
        header.writeTo(out);
        String articleTitle = CanonicalText.strip(metaContent(page, "ArticleTitle"));
        // Some sites fill ArticleTitle with their own or their column's name; a short one is only a hint.
        boolean siteName = articleTitle.equals(CanonicalText.strip(metaContent(page, "SiteName")))
                || articleTitle.equals(CanonicalText.strip(metaContent(page, "ColumnName")));
        if (!siteName) {
            out.meta(HtmlText.han(articleTitle) < MIN_TITLE_HAN ? "titleHint" : "title", articleTitle);
        }
        header.removeFrom(page);
        Element body = PageBody.find(page);
        HtmlText.write(body, out);
        if (!out.hasBody()) {
            return new Undecodable(Problem.warning(fileName, 0, "no document text found in the web page, so it was left out"));
        }
        if (!out.hasMeta("title") && !out.hasMeta("titleHint")) {
            // Only a hint: a heading outside the body may be a column name, so the text's own head comes first.
            visibleTitle(page, body).filter(title -> !inHead(out.body(), title)).ifPresent(title -> out.meta("titleHint", title));
        }
        return new Decoded(out.text(), html.charset(), warnings);
    }

    /**
     * Valid UTF-8 is taken as UTF-8 whatever the page declares (GBK text is next to never valid UTF-8, while
     * UTF-8 bytes can decode cleanly, and wrongly, as GB18030); otherwise the declaration, if the bytes bear it
     * out or are only slightly damaged; otherwise the {@link TextDecoder}.
     */
    private DecodeResult decode(String fileName, byte[] bytes, List<Problem> warnings) {
        if (ByteOrderMark.find(bytes).isEmpty() && !(StrictDecoding.of(bytes, 0, StandardCharsets.UTF_8) instanceof Clean)) {
            // A single-byte declaration (ISO-8859-1, windows-1252) decodes any bytes, so it proves nothing about Chinese text.
            Optional<Charset> declared = declaredCharset(bytes).filter(cs -> !DetectedCharset.isSingleByte(cs));
            if (declared.isPresent()) {
                switch (StrictDecoding.of(bytes, 0, declared.get())) {
                    case Clean clean -> {
                        return new Decoded(clean.text(), clean.charset().name());
                    }
                    case Broken broken -> {
                        if (decoder.decode(fileName, bytes) instanceof Decoded other) {
                            warnings.add(Problem.warning(fileName, 0, "the page declares " + declared.get().name()
                                    + " but is written in " + other.charset() + "; read as " + other.charset()));
                            return other;
                        }
                        long readable = broken.readable().chars().filter(c -> c > 0x7F).count();
                        if (readable >= READABLE_PER_BAD_SEQUENCE * (long) broken.badSequences()) {
                            warnings.add(Problem.warning(fileName, broken.line(), broken.badSequences()
                                    + " damaged byte sequence(s) in the page, the first at byte offset "
                                    + broken.firstBadByte() + ", shown as \uFFFD"));
                            return new Decoded(new String(bytes, declared.get()), declared.get().name());
                        }
                    }
                }
            }
        }
        return decoder.decode(fileName, bytes);
    }

    /** The charset a {@code <meta>} or an XML declaration declares near the top; GB2312 and GBK pages are read as GB18030, their superset. */
    static Optional<Charset> declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, DECLARATION_WINDOW), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            return Optional.empty();
        }
        String name = (m.group(1) != null ? m.group(1) : m.group(2)).toUpperCase(Locale.ROOT);
        if (name.equals("GB2312") || name.equals("GBK") || name.equals("X-GBK") || name.equals("GB_2312-80")
                || name.equals("CP936") || name.equals("GB18030")) {
            return Optional.of(DetectedCharset.GB18030);
        }
        try {
            return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static String metaContent(Document page, String name) {
        for (Element meta : page.select("meta[name]")) {
            if (meta.attr("name").equalsIgnoreCase(name)) {
                return meta.attr("content");
            }
        }
        return "";
    }

    /** The last heading above the body (an h1, or an element named title), else the page's {@code <title>}. */
    private static Optional<String> visibleTitle(Document page, Element body) {
        List<Element> all = page.getAllElements();
        int bodyAt = all.indexOf(body);
        Optional<String> heading = page.body().select("h1, h2, h3, [class~=(?i)title|biaoti], [id~=(?i)title|biaoti]").stream()
                .filter(e -> all.indexOf(e) < bodyAt && !body.parents().contains(e))
                .map(e -> CanonicalText.strip(e.text()))
                .filter(text -> HtmlText.han(text) >= 4 && text.length() <= 120)
                .reduce((first, second) -> second);
        if (heading.isPresent()) {
            return heading;
        }
        return TITLE_SEPARATOR.splitAsStream(page.title())
                .map(CanonicalText::strip)
                .filter(part -> HtmlText.han(part) >= 4)
                .max(java.util.Comparator.comparingInt(String::length));
    }

    /** The body's first lines already give the title, so the head of the text will be read as usual. */
    private static boolean inHead(String body, String title) {
        String key = title.replaceAll("[\\s\\u3000《》]", "");
        String head = String.join("", body.lines().limit(HEAD_LINES).toList()).replaceAll("[\\s\\u3000《》]", "");
        return head.contains(key);
    }
}
