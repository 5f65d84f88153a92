package org.policykb.extract;

import org.policykb.model.DocumentKind;
import org.policykb.model.DocumentMeta;
import org.policykb.model.ParsedDocument;
import org.policykb.model.Problem;
import org.policykb.text.ChineseNumerals;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Title, 发文字号, issuing body, date and kind, from what the document says about itself. Markdown front matter
 * (title, docNumber, issuer, date, kind) wins over anything inferred.
 */
final class MetadataExtractor {
    private static final String ORG_END = "(?:人民政府|政府|办公厅|办公室|委员会|教育局|局|厅|部|委|院|中心|工委|办|总工会|联合会)";
    private static final Pattern DOC_NUMBER = Pattern.compile(
            "[\\p{IsHan}A-Za-z]{1,12}\\s*[〔\\[［【(（]\\s*(?:19|20)\\d{2}\\s*[〕\\]］】)）]\\s*第?\\s*\\d{1,4}\\s*号");
    private static final Pattern FULL_DATE = Pattern.compile("((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final Pattern CHINESE_DATE = Pattern.compile(
            "([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日");
    private static final Pattern DATELINE = Pattern.compile("^\\s*(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern BRIEFING_HOST = Pattern.compile(
            "(?:^|[，,。：:\\s])([\\p{IsHan}]{2,24}?(?:新闻办公室|新闻办|人民政府|政府|办公室|局|委员会))(?:组织)?(?:召开|举行|举办)[^。]{0,30}?(?:新闻发布会|发布会)");
    private static final Pattern TITLE_ISSUER = Pattern.compile("^([\\p{IsHan}]{2,30}?" + ORG_END + ")关于");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})年");
    private static final Pattern COMPLETED_YEAR = Pattern.compile(
            "(?:截至|截止)((?:19|20)\\d{2})年底|(?:^|[。；\\n])\\s*((?:19|20)\\d{2})年[，,]|((?:19|20)\\d{2})年(?:全年|度)");

    private final Gazetteer gazetteer;

    MetadataExtractor(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    DocumentMeta extract(ParsedDocument doc, boolean hasByline, int attributions, List<Problem> problems) {
        String text = doc.text();
        Map<String, String> fm = doc.frontMatter();
        String file = doc.source().relativePath();
        String title = nonBlank(fm.get("title")).or(doc::headTitle).orElseGet(() -> fileTitle(file));
        DocumentKind kind = nonBlank(fm.get("kind")).flatMap(k -> {
            Optional<DocumentKind> known = DocumentKind.fromCode(k);
            if (known.isEmpty()) {
                problems.add(Problem.warning(file, 1, "unknown kind in front matter: " + k
                        + " (expected plan, work-plan, report or news); inferred from the text instead"));
            }
            return known;
        }).orElseGet(() -> KindClassifier.classify(title, text, hasByline, attributions));
        Optional<String> docNumber = nonBlank(fm.get("docNumber")).or(() -> docNumber(doc));
        Optional<String> issuer = nonBlank(fm.get("issuer")).or(() -> kind == DocumentKind.NEWS ? Optional.empty() : issuer(doc, title));
        Optional<LocalDate> date = nonBlank(fm.get("date")).flatMap(d -> parseIsoDate(d, file, problems))
                .or(() -> date(doc, kind));
        return new DocumentMeta(title, docNumber, issuer, date, kind);
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    private static String fileTitle(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static Optional<LocalDate> parseIsoDate(String s, String file, List<Problem> problems) {
        try {
            return Optional.of(LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s));
        } catch (DateTimeException e) {
            problems.add(Problem.warning(file, 1, "front matter date is not YYYY-MM-DD: " + s));
            return Optional.empty();
        }
    }

    /** A 发文字号 standing on its own line near the top; numbers cited in the body are other documents'. */
    private static Optional<String> docNumber(ParsedDocument doc) {
        for (String line : openingLines(doc.text(), 25)) {
            if (line.length() > 40 || line.indexOf('号') < 0) {
                continue;
            }
            Matcher m = DOC_NUMBER.matcher(line);
            if (m.find() && line.strip().length() <= m.group().length() + 6) {
                return Optional.of(m.group().replaceAll("\\s", ""));
            }
        }
        return Optional.empty();
    }

    private Optional<String> issuer(ParsedDocument doc, String title) {
        Optional<String> found = signature(doc.text()).or(() -> headOrganisations(doc.headLines()))
                .or(() -> match(TITLE_ISSUER, title)).or(() -> match(BRIEFING_HOST, opening(doc.text(), 800)));
        return found.map(name -> qualify(name, doc.text()));
    }

    /** 「市教育局」 in a document about 青岛 is 青岛市教育局. */
    private String qualify(String name, String text) {
        if (name.length() > 1 && "市区县省州".indexOf(name.charAt(0)) >= 0) {
            return gazetteer.mostMentioned(text).map(place -> place + name).orElse(name);
        }
        return name;
    }

    /** An organisation line directly above a date line: the signature of an official document. */
    private static Optional<String> signature(String text) {
        List<String> lines = openingLines(text, 60);
        for (int i = 0; i + 1 < lines.size(); i++) {
            String org = lines.get(i).strip();
            if (org.matches("[\\p{IsHan}（）()\\s]{2,40}") && org.replaceAll("\\s", "").matches(".*" + ORG_END)
                    && FULL_DATE.matcher(lines.get(i + 1)).find() && lines.get(i + 1).strip().length() <= 16) {
                return Optional.of(String.join("、", org.split("[\\s\\u3000]+")));
            }
        }
        return Optional.empty();
    }

    /** Head lines naming only organisations, e.g. 「中共某市委教育工委  某市教育局」. */
    private static Optional<String> headOrganisations(List<String> head) {
        for (String line : head) {
            String[] names = line.strip().split("[\\s\\u3000、]+");
            boolean allOrgs = names.length > 0;
            for (String name : names) {
                allOrgs &= name.length() >= 2 && name.length() <= 30 && name.matches("[\\p{IsHan}]+" + ORG_END);
            }
            if (allOrgs) {
                return Optional.of(String.join("、", names));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> match(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<LocalDate> date(ParsedDocument doc, DocumentKind kind) {
        String text = doc.text();
        for (String line : openingLines(text, 60)) {
            String s = line.strip();
            if (s.length() <= 20) {
                Optional<LocalDate> d = fullDate(s);
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        // A news or briefing dateline: 「3月21日，…」 at the start of a paragraph, its year told by the text.
        for (String line : openingLines(text, 12)) {
            Matcher m = DATELINE.matcher(line);
            if (m.find() && line.strip().length() > 20) {
                OptionalYear year = inferYear(text);
                if (year.year > 0) {
                    return safeDate(year.year, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                }
            }
        }
        return Optional.empty();
    }

    private record OptionalYear(int year) {
    }

    /**
     * The earliest year consistent with what the text reports: a year it mentions (not as a target) has begun;
     * a year it sums up (「2023年，…」「截至2023年底」) has ended.
     */
    static OptionalYear inferYear(String text) {
        int lowest = 0;
        Matcher m = YEAR.matcher(text);
        while (m.find()) {
            int start = m.start();
            String before = text.substring(Math.max(0, start - 2), start);
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 3));
            if (before.endsWith("到") || before.endsWith("至") || before.endsWith("争") || before.endsWith("—")
                    || before.endsWith("-") || after.startsWith("底前") || after.startsWith("前") || after.startsWith("远景")) {
                continue;
            }
            lowest = Math.max(lowest, Integer.parseInt(m.group(1)));
        }
        Matcher c = COMPLETED_YEAR.matcher(text);
        while (c.find()) {
            String y = c.group(1) != null ? c.group(1) : c.group(2) != null ? c.group(2) : c.group(3);
            lowest = Math.max(lowest, Integer.parseInt(y) + 1);
        }
        return new OptionalYear(lowest);
    }

    private static Optional<LocalDate> fullDate(String s) {
        Matcher m = FULL_DATE.matcher(s);
        if (m.find()) {
            return safeDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        Matcher c = CHINESE_DATE.matcher(s);
        if (c.find()) {
            return safeDate(ChineseNumerals.parse(c.group(1)).orElse(0), ChineseNumerals.parse(c.group(2)).orElse(0),
                    ChineseNumerals.parse(c.group(3)).orElse(0));
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> safeDate(int y, int mo, int d) {
        try {
            return Optional.of(LocalDate.of(y, mo, d));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> openingLines(String text, int max) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length() && out.size() < max) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end).strip();
            if (!line.isEmpty()) {
                out.add(line);
            }
            start = end + 1;
        }
        return out;
    }

    private static String opening(String text, int chars) {
        return text.substring(0, Math.min(text.length(), chars));
    }
}
