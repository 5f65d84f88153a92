package org.policykb.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template-heavy corpus made from the sample documents as the bench's generator (../shared/bench/make-corpus.py)
 * makes its own: each document is one sample with its city renamed and its years shifted, so that most paragraphs
 * recur in many documents while a city's name or a year is in few of them. The browser index of such a site groups
 * its items in few classes, and a query of a common word and a rare one is the one that used to read deep pages.
 */
public final class TemplateCorpus {
    private static final List<String> CITIES = List.of("潍坊", "烟台", "威海", "临沂", "德州", "滨州", "菏泽",
            "枣庄", "日照", "泰安", "济宁", "东营");
    private static final Pattern PLACE = Pattern.compile("淄博|聊城|淄川");
    private static final Pattern YEAR = Pattern.compile("(?<![0-9])20[0-3][0-9](?![0-9])");

    private TemplateCorpus() {
    }

    /** Writes {@code documents} documents into {@code dir} (created), document i from sample i mod 5; gives dir. */
    public static Path write(Path dir, int documents) throws IOException {
        List<Path> samples;
        try (var files = Files.list(Fixtures.content())) {
            samples = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        Files.createDirectories(dir);
        for (int i = 0; i < documents; i++) {
            String text = Files.readString(samples.get(i % samples.size()), StandardCharsets.UTF_8);
            String city = CITIES.get(i / samples.size() % CITIES.size());
            int shift = i / samples.size() % 7 - 2;
            text = PLACE.matcher(text).replaceAll(city);
            Matcher years = YEAR.matcher(text);
            StringBuilder out = new StringBuilder(text.length());
            while (years.find()) {
                years.appendReplacement(out, String.valueOf(Integer.parseInt(years.group()) + shift));
            }
            years.appendTail(out);
            Files.writeString(dir.resolve(String.format("doc-%04d.txt", i)), out, StandardCharsets.UTF_8);
        }
        return dir;
    }
}
