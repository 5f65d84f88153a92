package org.policykb.extract;

import org.policykb.model.Attribution;
import org.policykb.model.SourceSpan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads who is responsible for a task from the clauses official documents use: 「（A、B、C负责）」 (the first
 * listed leads, 「列第一位的为牵头部门」), 「（A牵头，B、C配合）」, 「（A、B等按职责分工负责）」, and labelled
 * lines 「牵头单位：A；配合单位：B、C」. A 「，」 typed between units is read as 「、」; 「下同」 and similar notes
 * after the clause are ignored. A parenthesis that names no units — 「（技工院校内由人社部门负责）」 — is not one.
 */
public final class AttributionReader {
    private static final Pattern PAREN = Pattern.compile("[（(]([^（）()]{2,300})[）)]");
    private static final Pattern LABELLED = Pattern.compile(
            "(牵头单位|责任单位|牵头部门|责任部门|主责单位|配合单位|参与单位|配合部门|协同单位)[:：]\\s*([^。；;\\n）)]{2,300})");
    private static final Pattern ROLE_WORD = Pattern.compile("负责(?!人|同志)|牵头(?!部门|单位)|配合(?!部门|单位)|参与(?!部门|单位)|协同(?!部门|单位)|主责(?!部门|单位)");
    private static final Pattern UNIT_END = Pattern.compile(
            ".*(?:局|委|办|部|院|会|厅|中心|大队|支队|政府|联|协|处|所|站|室|公司|集团|银行|队|署|社|团|馆|台|校|学院|大学|医院|党组|单位|部门|法院|检察院|管委会|街道|镇|乡|办事处|区县|县区|各区|各县|各市)$");

    /** A clause found in text: who, and where it is written. */
    public record Clause(Optional<String> lead, List<String> support, int start, int end) {
    }

    /** Every attribution clause in {@code text[from, to)}, in order. */
    public List<Clause> clauses(String text, int from, int to) {
        List<Clause> out = new ArrayList<>();
        Matcher m = PAREN.matcher(text).region(from, to);
        while (m.find()) {
            read(m.group(1)).ifPresent(units -> out.add(new Clause(units.lead, units.support, m.start(), m.end())));
        }
        if (!mentionsLabel(text, from, to)) {
            out.sort(java.util.Comparator.comparingInt(Clause::start));
            return out;
        }
        Matcher l = LABELLED.matcher(text).region(from, to);
        Optional<String> lead = Optional.empty();
        Set<String> support = new LinkedHashSet<>();
        int start = -1;
        int end = -1;
        while (l.find()) {
            List<String> units = units(l.group(2));
            if (units.isEmpty()) {
                continue;
            }
            if (start < 0) {
                start = l.start();
            }
            end = l.end();
            boolean leading = l.group(1).startsWith("牵头") || l.group(1).startsWith("责任") || l.group(1).startsWith("主责");
            if (leading && lead.isEmpty()) {
                lead = Optional.of(units.get(0));
                support.addAll(units.subList(1, units.size()));
            } else {
                support.addAll(units);
            }
        }
        if (start >= 0) {
            Optional<String> finalLead = lead;
            support.removeIf(s -> finalLead.map(s::equals).orElse(false));
            out.add(new Clause(lead.isPresent() ? lead : support.stream().findFirst(),
                    lead.isPresent() ? List.copyOf(support) : List.copyOf(support).subList(Math.min(1, support.size()), support.size()),
                    start, end));
        }
        out.sort(java.util.Comparator.comparingInt(Clause::start));
        return out;
    }

    /**
     * A parenthesis closing a task's text that uses a role word (负责, 牵头 …) but names no readable units:
     * 「（有关部门、各学校按照要求认真落实负责）」. The build reports it instead of guessing.
     */
    public Optional<String> unreadableClosingClause(String text, int from, int to) {
        int end = to;
        while (end > from && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == '。')) {
            end--;
        }
        if (end <= from || text.charAt(end - 1) != '）' && text.charAt(end - 1) != ')') {
            return Optional.empty();
        }
        Matcher m = PAREN.matcher(text).region(from, end);
        String last = null;
        int lastEnd = -1;
        while (m.find()) {
            last = m.group(1);
            lastEnd = m.end();
        }
        if (last == null || lastEnd != end || !ROLE_WORD.matcher(last).find() || read(last).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(text.substring(end - last.length() - 2, end));
    }

    /**
     * A cheap test before the labelled-line pattern: 「…单位：」 or 「…部门：」 occurs in the region. Looks only
     * inside the region: searching on to the end of the text made every task cost the whole document.
     */
    private static boolean mentionsLabel(String text, int from, int to) {
        for (int i = Math.max(from, 2); i < to; i++) {
            char c = text.charAt(i);
            if ((c == '：' || c == ':') && (text.startsWith("单位", i - 2) || text.startsWith("部门", i - 2))) {
                return true;
            }
        }
        return false;
    }

    /** All clauses of a task merged: the first clause's lead leads; every other unit named supports. */
    public Attribution attribution(String text, int from, int to, int line) {
        List<Clause> found = clauses(text, from, to);
        if (found.isEmpty()) {
            return Attribution.none(new SourceSpan(from, from, line));
        }
        Optional<String> lead = found.stream().map(Clause::lead).flatMap(Optional::stream).findFirst();
        Set<String> support = new LinkedHashSet<>();
        for (Clause c : found) {
            c.lead.ifPresent(support::add);
            support.addAll(c.support);
        }
        lead.ifPresent(support::remove);
        Clause first = found.get(0);
        Clause last = found.get(found.size() - 1);
        return new Attribution(lead, List.copyOf(support), new SourceSpan(first.start, last.end, line));
    }

    /** Units of a responsibility cell or label value: the first leads, the rest support. */
    public Attribution fromUnits(String cell, SourceSpan span) {
        List<String> units = units(cell);
        if (units.isEmpty()) {
            return Attribution.none(span);
        }
        return new Attribution(Optional.of(units.get(0)), units.subList(1, units.size()), span);
    }

    private record Units(Optional<String> lead, List<String> support) {
    }

    private Optional<Units> read(String inside) {
        String s = inside.strip();
        Matcher role = ROLE_WORD.matcher(s);
        if (!role.find()) {
            return Optional.empty();
        }
        String before = s.substring(0, role.start());
        if (before.startsWith("由")) {
            before = before.substring(1);
        }
        if (before.contains("由")) {
            return Optional.empty(); // 「…内由…负责」 says who handles a case, not who does a task
        }
        List<String> leads = units(before);
        if (leads.isEmpty()) {
            return Optional.empty();
        }
        List<String> support = new ArrayList<>(leads.subList(1, leads.size()));
        if (role.group().equals("牵头") || role.group().equals("负责") || role.group().equals("主责")) {
            // 「A牵头，B、C配合」: the units after the lead's role word, up to the next role word, support.
            String rest = s.substring(role.end()).replaceFirst("^[，,、；;\\s]+", "");
            Matcher next = ROLE_WORD.matcher(rest);
            if (next.find() && !next.group().equals("牵头")) {
                List<String> more = units(rest.substring(0, next.start()));
                support.addAll(more);
            }
        }
        return Optional.of(new Units(Optional.of(leads.get(0)), List.copyOf(new LinkedHashSet<>(support))));
    }

    /** Splits a list of units on 、，, and 和/及 at the top level; empty when any piece is not a unit's name. */
    List<String> units(String list) {
        String cleaned = LIST_TAIL.matcher(LIST_TAIL.matcher(list.strip()).replaceFirst("")).replaceFirst("").strip();
        if (cleaned.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String piece : LIST_SEPARATOR.split(cleaned)) {
            String unit = piece.strip();
            unit = unit.startsWith("以及") ? unit.substring(2) : unit.startsWith("和") || unit.startsWith("及") ? unit.substring(1) : unit;
            if (unit.isEmpty()) {
                continue;
            }
            if (!isUnit(unit)) {
                return List.of();
            }
            if (!out.contains(unit)) {
                out.add(unit);
            }
        }
        return out;
    }

    private static final Pattern UNIT_CHARS = Pattern.compile("[\\p{IsHan}A-Za-z0-9（）()·]+");
    private static final Pattern VERB = Pattern.compile("负责|牵头|配合|实施|落实|推进|开展|做好|加强");
    private static final Pattern LIST_TAIL = Pattern.compile("(?:按职责分工|按照职责分工|按职责|分别|共同|等(?:部门|单位)?)$");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[、，,；;/]+|\\s+");

    static boolean isUnit(String name) {
        int length = name.codePointCount(0, name.length());
        return length >= 2 && length <= 30 && UNIT_CHARS.matcher(name).matches() && UNIT_END.matcher(name).matches()
                && !VERB.matcher(name).find();
    }
}
