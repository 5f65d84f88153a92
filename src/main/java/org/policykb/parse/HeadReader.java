package org.policykb.parse;

import org.policykb.text.Markers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a document's head: the short lines before its first sentence (title block, 发文字号, a transmittal's
 * 「关于印发X的通知」, addressees). The title is X for a transmittal, otherwise the title lines joined.
 */
final class HeadReader {
    private static final Pattern TRANSMITTAL = Pattern.compile("关于(?:印发|转发|公布|发布)(.+?)的(?:通知|函|决定)$");
    private static final int MAX_HEAD_LINE = 60;

    record Head(List<Line> lines, Optional<String> title) {
    }

    private HeadReader() {
    }

    static Head read(List<Block> blocks) {
        List<Line> head = new ArrayList<>();
        for (Block block : blocks) {
            if (!(block instanceof Block.TextLine(Line line))) {
                break;
            }
            if (line.blank()) {
                continue;
            }
            String s = line.content();
            if (s.indexOf('。') >= 0 || s.length() > MAX_HEAD_LINE || Markers.at(s).isPresent()) {
                break;
            }
            head.add(line);
        }
        return new Head(List.copyOf(head), title(head));
    }

    static Optional<String> title(List<Line> head) {
        for (Line line : head) {
            Matcher m = TRANSMITTAL.matcher(line.content().strip());
            if (m.find()) {
                return Optional.of(unquote(m.group(1)));
            }
        }
        StringBuilder title = new StringBuilder();
        for (Line line : head) {
            String s = line.content();
            if (Headlines.isDocNumberLine(s) || Headlines.isKicker(s) || Headlines.isDateLine(s)
                    || Headlines.isByline(s) || s.endsWith("：") || s.endsWith(":")) {
                continue;
            }
            title.append(s.strip());
        }
        String joined = title.toString().replaceAll("[\\s\\u3000]+", " ").strip();
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }

    /** The title a document is known by: X for a transmittal 「…关于印发X的通知」, otherwise the title as written. */
    static String documentTitle(String written) {
        Matcher m = TRANSMITTAL.matcher(written.strip());
        return m.find() ? unquote(m.group(1)) : written.strip();
    }

    /** 《X》 → X, keeping quotes that are part of a name such as “十四五”. */
    static String unquote(String s) {
        String t = s.strip();
        if (t.startsWith("《") && t.endsWith("》") && t.indexOf('《', 1) < 0) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** The same title, ignoring white space and book-title marks. */
    static boolean sameTitle(String a, String b) {
        return key(a).equals(key(b));
    }

    private static String key(String s) {
        return s.replaceAll("[\\s\\u3000《》]", "");
    }
}
