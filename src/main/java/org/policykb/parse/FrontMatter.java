package org.policykb.parse;

import com.vladsch.flexmark.ext.yaml.front.matter.AbstractYamlFrontMatterVisitor;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.policykb.model.Problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A leading YAML front matter block ({@code ---} … {@code ---}) read with flexmark's YAML front matter
 * extension, so Markdown and plain text (including the canonical text of web pages and Word documents) share
 * one dialect: {@code key: value} lines, values optionally in quotes.
 *
 * @param values the keys as written with their values, unquoted
 * @param end    the offset just past the closing delimiter line
 */
record FrontMatter(Map<String, String> values, int end) {
    FrontMatter {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A flexmark parser that knows only front matter; build once, thread-safe. */
    static Parser parser() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(YamlFrontMatterExtension.create()));
        return Parser.builder(options).build();
    }

    /** The front matter block at the very start of {@code text}, if there is one. */
    static Optional<FrontMatter> at(String text, Parser parser, String file, List<Problem> problems) {
        int end = org.policykb.text.FrontMatterBlock.end(text);
        if (end < 0) {
            return Optional.empty();
        }
        if (!(parser.parse(text.substring(0, end)).getFirstChild() instanceof YamlFrontMatterBlock yaml)) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        read(yaml, file, values, problems);
        return Optional.of(new FrontMatter(values, end));
    }

    /** The values of a front matter block flexmark found, into {@code out}; an unreadable block is a warning. */
    static void read(YamlFrontMatterBlock yaml, String file, Map<String, String> out, List<Problem> problems) {
        AbstractYamlFrontMatterVisitor visitor = new AbstractYamlFrontMatterVisitor();
        visitor.visit(yaml);
        for (Map.Entry<String, List<String>> entry : visitor.getData().entrySet()) {
            List<String> values = entry.getValue();
            if (!values.isEmpty()) {
                out.put(entry.getKey(), unquote(String.join(" ", values)));
            }
        }
        Optional<Problem> malformed = FrontMatterCheck.problem(file, yaml.getChars().toString());
        if (malformed.isPresent()) {
            // Keys read from broken YAML are guesses (a title of "[未闭合" say): leave them all out.
            out.clear();
            problems.add(malformed.get());
        } else if (out.isEmpty() && yaml.getChars().length() > 8) {
            problems.add(Problem.warning(file, 1, "front matter could not be read as key: value lines"));
        }
    }

    private static String unquote(String v) {
        String s = v.strip();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            s = s.substring(1, s.length() - 1).replace("\\\"", "\"");
        }
        return s;
    }

}
