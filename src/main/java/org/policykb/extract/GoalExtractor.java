package org.policykb.extract;

import org.policykb.model.DocumentKind;
import org.policykb.model.DocumentMeta;
import org.policykb.model.Goal;
import org.policykb.model.ParsedDocument;
import org.policykb.model.Section;
import org.policykb.model.SourceSpan;
import org.policykb.model.Task;
import org.policykb.text.Clauses;
import org.policykb.text.Width;
import org.policykb.text.WordLeftovers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds forward-looking targets. A goal is a quantity the text sets out to reach (「新增公办学位800个」
 * 「覆盖率达到80%」), or a checkable end state under a deadline or a commitment (「到2025年，基本建成…」
 * 「确保…“清零”」「力争…创建为…」). Quantities that only count, order or scope something are not goals:
 * ordinals (第十七届), rates per unit (每5所), thresholds (超过1000人规模), slogans in quotes (“4个100%”),
 * levels and phases (4级, 二期), the places a target covers (10个区县). Goals are read in the tasks of plans
 * and work plans and in their goal chapters, and in the forward-looking tasks of reports; never in news.
 */
final class GoalExtractor {
    private static final String UNIT = "个百分点|万人次|万人|万元|亿元|万个|万平方米|平方米|余人|人次|万|人|个|所|名|项|处|家|座|条|门|节|次|课时|学时|小时|分钟|天|周"
            + "|批|套|台|张|支|户|间|对|本|篇|部|件|场|倍|元|亩|公里|千米|米|吨|辆|床|位|册|份|学分|种|类|%";
    private static final Pattern QUANTITY = Pattern.compile(
            "(?<![\\dA-Za-z.+])(\\d+(?:\\.\\d+)?(?:\\s*[-—~～至]\\s*\\d+(?:\\.\\d+)?)?)\\s*(" + UNIT + ")(以上|左右|以内|以下|及以上)?"
                    + "|(?<![\\dA-Za-z.+:])(\\d{1,2}:\\d{1,2})(?![\\d:])");
    private static final Pattern CHINESE_QUANTITY = Pattern.compile(
            "(?:建成|建设|新建|新增|配备|至少|不少于|培育|打造|创建|创成)(?:至少)?[\\p{IsHan}&&[^一两二三四五六七八九十每第]]{0,2}?([一两二三四五六七八九十]{1,3})(所|处|个|名|项|次|座|家)");
    private static final Pattern SCOPE_AFTER = Pattern.compile("^(?:区县|县区|区市|县市|乡镇|街道|地市|(?:县|区|镇|市|省)(?![级属直域内外]))");
    private static final Pattern THRESHOLD_AFTER = Pattern.compile("^(?:人?(?:以上|以下)?规模|年|月|日|号|岁)");
    private static final Pattern DEADLINE = Pattern.compile(
            "到((?:19|20)\\d{2})年|((?:19|20)\\d{2})年(?:年)?底前|((?:19|20)\\d{2})年前|力争((?:19|20)\\d{2})年|至((?:19|20)\\d{2})年|((?:19|20)\\d{2})年(?:内|底)");
    private static final Pattern RATIO_CONTEXT = Pattern.compile("(?:比|比例|提高到|达到|调整为|为)$");
    private static final Pattern RECURRING = Pattern.compile("每年|年均|每周|每天|每日|每月|每学期|每学年");
    private static final Pattern TRIGGER = Pattern.compile(
            "到(?:19|20)\\d{2}年|(?:19|20)\\d{2}年(?:年)?底前|(?:19|20)\\d{2}年前|年底前|年内|力争|确保");
    private static final Pattern CHECKABLE = Pattern.compile("清零|只增不减|全覆盖|100%|不低于|不少于|不高于|达标|零(?:发生|事故)|全部");
    private static final Pattern ONLY_TIME = Pattern.compile(
            "^(?:用|在|于)?(?:(?:19|20)\\d{2}年(?:年)?(?:底)?(?:前)?|[一二两三四五六七八九十\\d]+年(?:左右|内|以内)?(?:时间)?|年内|年底前|近期|今后[一二两三四五\\d]*年)(?:时间|内)?$");
    private static final Pattern END_STATE = Pattern.compile("^(?:基本|全面|初步)?建成");
    private static final Pattern GOAL_CHAPTER = Pattern.compile("发展目标|主要目标|总体目标|工作目标|目标任务|预期目标|主要指标");
    private static final Pattern HORIZON_FIVE_YEAR = Pattern.compile("“?(十[一二三四五六七八九]五)”?");
    private static final Pattern YEAR_RANGE = Pattern.compile("((?:19|20)\\d{2})\\s*[-—～~至]\\s*((?:19|20)\\d{2})年?");
    private static final Pattern TITLE_YEAR = Pattern.compile("((?:19|20)\\d{2})年");

    private record Region(int start, int end, Optional<Task> task) {
    }

    List<Goal> extract(String documentId, ParsedDocument doc, DocumentMeta meta, List<Task> tasks) {
        if (meta.kind() == DocumentKind.NEWS) {
            return List.of();
        }
        String text = doc.text();
        Optional<Integer> horizon = horizon(doc, meta);
        List<Region> regions = new ArrayList<>();
        for (Task task : tasks) {
            regions.add(new Region(task.span().start(), task.span().end(), Optional.of(task)));
        }
        if (meta.kind() != DocumentKind.REPORT) {
            for (Section s : doc.sections()) {
                if (isGoalChapter(s)) {
                    int end = s.span().end();
                    for (Section d : s.flatten()) {
                        end = Math.max(end, d.span().end());
                    }
                    regions.add(new Region(s.span().start(), end, Optional.empty()));
                }
            }
        }
        // Each sentence is read once, for the innermost task that holds it (a next step inside a section task).
        java.util.TreeMap<Integer, Clauses.Piece> sentences = new java.util.TreeMap<>();
        for (Region region : regions) {
            for (Clauses.Piece sentence : Clauses.sentences(text, region.start, region.end)) {
                sentences.putIfAbsent(sentence.start(), sentence);
            }
        }
        List<Goal> found = new ArrayList<>();
        org.policykb.text.LineIndex lines = new org.policykb.text.LineIndex(text);
        // One sweep in text order keeps the tasks open at each sentence: asking every task for every sentence
        // made a long plan cost tasks times sentences.
        List<Task> byStart = tasks.stream().sorted(java.util.Comparator.comparingInt(t -> t.span().start())).toList();
        List<Task> open = new ArrayList<>();
        int next = 0;
        for (Clauses.Piece sentence : sentences.values()) {
            while (next < byStart.size() && byStart.get(next).span().start() <= sentence.start()) {
                open.add(byStart.get(next++));
            }
            open.removeIf(t -> t.span().end() <= sentence.start());
            Optional<Task> task = open.stream().min(java.util.Comparator.comparingInt(t -> t.span().length()));
            read(documentId, text, lines, sentence, task, task.isEmpty(), horizon, found);
        }
        return withStableIds(documentId, found);
    }

    /**
     * Goal ids from the goal's task and its words with the numbers blanked out: a goal keeps its URL when its value
     * or year changes (「80%」 → 「90%」) and when goals are added elsewhere. Repeats get -2, -3 in document order.
     */
    private static List<Goal> withStableIds(String documentId, List<Goal> goals) {
        org.policykb.text.UniqueIds ids = new org.policykb.text.UniqueIds();
        List<Goal> out = new ArrayList<>(goals.size());
        for (Goal g : goals) {
            String task = g.taskId().map(id -> id.substring(id.indexOf('/') + 1)).orElse("");
            String shape = g.text().replaceAll("[0-9０-９.．%％]+", "#");
            String base = "g-" + org.policykb.model.SiteUrls.shortHash(task + "\u0000" + shape);
            String local = ids.claim(base);
            out.add(new Goal(documentId + "/" + local, g.documentId(), g.taskId(), g.text(), g.value(), g.year(), g.span()));
        }
        return List.copyOf(out);
    }

    private static boolean isGoalChapter(Section s) {
        String title = s.title() == null ? "" : s.title();
        return title.length() <= 10 && GOAL_CHAPTER.matcher(title).find();
    }

    private void read(String documentId, String text, org.policykb.text.LineIndex lines, Clauses.Piece sentence, Optional<Task> task, boolean goalChapter,
                      Optional<Integer> horizon, List<Goal> goals) {
        List<Clauses.Piece> clauses = Clauses.clauses(text, sentence.start(), sentence.end());
        Optional<Integer> deadline = deadline(sentence.text());
        boolean[] hasQuantity = new boolean[clauses.size()];
        for (int i = 0; i < clauses.size(); i++) {
            Clauses.Piece clause = clauses.get(i);
            List<int[]> values = quantities(text, clause);
            hasQuantity[i] = !values.isEmpty();
            for (int[] v : values) {
                String value = text.substring(v[0], v[1]);
                Optional<Integer> year = RECURRING.matcher(clause.text()).find() ? Optional.empty() : deadline.or(() -> horizon);
                goals.add(goal(documentId, task, clause.text(), Optional.of(value), year, clause, lines, goals.size()));
            }
        }
        for (int i = 0; i < clauses.size(); i++) {
            Clauses.Piece clause = clauses.get(i);
            if (hasQuantity[i]) {
                continue;
            }
            Matcher trigger = TRIGGER.matcher(clause.text());
            boolean endState = goalChapter && END_STATE.matcher(clause.text()).find();
            if (!trigger.find() && !endState) {
                continue;
            }
            Clauses.Piece extent = clause;
            if (!endState) {
                String rest = clause.text().substring(trigger.end()).replaceAll("^[，,\\s]+", "");
                String word = trigger.group();
                boolean onlyTime = rest.isEmpty() || ONLY_TIME.matcher(rest).matches();
                if (onlyTime) {
                    if (i + 1 >= clauses.size() || hasQuantity[i + 1]) {
                        continue; // 「力争用三年左右时间，每个区县创成1-2所…」: the time belongs to the next clause's goal
                    }
                    Clauses.Piece next = clauses.get(i + 1);
                    extent = new Clauses.Piece(clause.start(), next.end(), text.substring(clause.start(), next.end()));
                    i++;
                } else if (word.equals("确保") && !CHECKABLE.matcher(Width.fold(rest)).find()) {
                    continue; // 「确保开齐开足上好美育课程」 promises effort, not a checkable state
                }
            }
            Optional<Integer> year = RECURRING.matcher(extent.text()).find() ? Optional.empty()
                    : deadline(extent.text()).or(() -> deadline).or(() -> horizon);
            goals.add(goal(documentId, task, extent.text(), Optional.empty(), year, extent, lines, goals.size()));
        }
    }

    private static Goal goal(String documentId, Optional<Task> task, String text, Optional<String> value,
                             Optional<Integer> year, Clauses.Piece where, org.policykb.text.LineIndex lines, int index) {
        return new Goal(documentId + "/g" + (index + 1), documentId, task.map(Task::id), WordLeftovers.remove(text), value, year,
                new SourceSpan(where.start(), where.end(), lines.lineOf(where.start())));
    }

    /** Quantities in a clause that are targets, as [start, end) offsets of the value as written. */
    private static List<int[]> quantities(String text, Clauses.Piece clause) {
        String folded = Width.fold(clause.text());
        List<int[]> out = new ArrayList<>();
        if (!hasDigitOrNumeral(folded)) {
            return out;
        }
        Matcher m = QUANTITY.matcher(folded);
        while (m.find()) {
            int s = m.start();
            int e = m.end();
            if (m.group(4) != null) {
                if (!RATIO_CONTEXT.matcher(folded.substring(0, s)).find()) {
                    continue; // a ratio only as a stated proportion: 「职普比提高到4:6」
                }
            } else if (excluded(folded, s, e, m.group(2))) {
                continue;
            }
            out.add(new int[] {clause.start() + s, clause.start() + e});
        }
        Matcher c = CHINESE_QUANTITY.matcher(folded);
        while (c.find()) {
            int s = c.start(1);
            int e = c.end();
            if (insideQuotes(folded, s) || SCOPE_AFTER.matcher(folded.substring(e)).find()) {
                continue;
            }
            out.add(new int[] {clause.start() + s, clause.start() + e});
        }
        out.sort(java.util.Comparator.comparingInt(a -> a[0]));
        return out;
    }

    private static boolean hasDigitOrNumeral(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || "一两二三四五六七八九十".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean excluded(String clause, int start, int end, String unit) {
        String before = clause.substring(0, start);
        String after = clause.substring(end);
        if (before.endsWith("第") || before.endsWith("每") || insideQuotes(clause, start)) {
            return true;
        }
        if (THRESHOLD_AFTER.matcher(after).find() || SCOPE_AFTER.matcher(after).find() && !unit.equals("%")) {
            return true;
        }
        // 「超过1000人规模的学校」 names schools by size; 「全市新增…」 sets a target.
        return unit.equals("倍") && (before.endsWith("增长") || before.endsWith("提高")) && after.startsWith("，");
    }

    /** Inside “…” or 《…》 in this clause: a slogan or a name, not a target. */
    private static boolean insideQuotes(String clause, int at) {
        int quotes = 0;
        int books = 0;
        for (int i = 0; i < at; i++) {
            char c = clause.charAt(i);
            if (c == '“' || c == '"' && quotes == 0) {
                quotes++;
            } else if ((c == '”' || c == '"') && quotes > 0) {
                quotes--;
            } else if (c == '《') {
                books++;
            } else if (c == '》' && books > 0) {
                books--;
            }
        }
        return quotes > 0 || books > 0;
    }

    private static Optional<Integer> deadline(String s) {
        if (s.indexOf('年') < 0) {
            return Optional.empty();
        }
        Matcher m = DEADLINE.matcher(s);
        if (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    return Optional.of(Integer.parseInt(m.group(g)));
                }
            }
        }
        return Optional.empty();
    }

    /** The year a period plan runs to: 「十四五」 → 2025, 「2021-2025年」 → 2025, 「2020年工作要点」 → 2020. */
    static Optional<Integer> horizon(ParsedDocument doc, DocumentMeta meta) {
        String title = meta.title();
        if (meta.kind() == DocumentKind.REPORT || meta.kind() == DocumentKind.NEWS) {
            return Optional.empty();
        }
        Matcher five = HORIZON_FIVE_YEAR.matcher(title);
        if (five.find()) {
            int n = org.policykb.text.ChineseNumerals.parse(five.group(1).substring(0, five.group(1).length() - 1)).orElse(0);
            if (n >= 3) {
                return Optional.of(1955 + 5 * n); // the 3rd plan ran 1966–1970, every later one five years on
            }
        }
        Matcher range = YEAR_RANGE.matcher(title);
        if (range.find()) {
            return Optional.of(Integer.parseInt(range.group(2)));
        }
        Matcher year = TITLE_YEAR.matcher(title);
        if (year.find()) {
            return Optional.of(Integer.parseInt(year.group(1)));
        }
        for (Section s : doc.sections()) {
            if (isGoalChapter(s)) {
                Matcher d = DEADLINE.matcher(s.span().of(doc.text()));
                if (d.find()) {
                    return deadline(d.group());
                }
            }
        }
        return meta.kind() == DocumentKind.WORK_PLAN ? meta.date().map(java.time.LocalDate::getYear) : Optional.empty();
    }
}
