package org.policykb.render;

import org.policykb.render.DocumentView.GoalBadge;
import org.policykb.render.DocumentView.Inline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Cuts one paragraph into runs of plain and marked text. Goal marks win over every other mark, because each
 * goal's badge carries the anchor its goals page links to; other marks that overlap a goal are shortened to
 * the text before it or dropped.
 */
final class InlineMarks {
    private InlineMarks() {
    }

    /** A marked range of the document text; see {@link Inline} for the kinds. */
    record Mark(int start, int end, String kind, String href, List<GoalBadge> badges) {
        Mark {
            badges = List.copyOf(badges);
        }
    }

    static List<Inline> inlines(String text, int from, int to, List<Mark> goals, List<Mark> others,
                                Set<String> badged) {
        List<Mark> placed = new ArrayList<>();
        for (Mark goal : goals) {
            if (goal.start() < to && from < goal.end() || goal.start() == goal.end() && goal.start() >= from && goal.start() < to) {
                placed.add(goal);
            }
        }
        for (Mark mark : others.stream().sorted(Comparator.comparingInt(Mark::start)).toList()) {
            int start = Math.max(mark.start(), from);
            int end = Math.min(mark.end(), to);
            for (Mark p : placed) {
                if (p.start() <= start && start < p.end()) {
                    end = start;
                } else if (start < p.start() && p.start() < end) {
                    end = mark.kind().equals("runin") ? p.start() : start;
                }
            }
            if (end > start) {
                placed.add(new Mark(start, end, mark.kind(), mark.href(), List.of()));
            }
        }
        placed.sort(Comparator.comparingInt(Mark::start));
        List<Inline> out = new ArrayList<>();
        int at = from;
        for (Mark mark : placed) {
            int start = Math.max(mark.start(), at);
            int end = Math.min(mark.end(), to);
            if (start > at) {
                out.add(Inline.of("text", text.substring(at, start)));
            }
            boolean endsHere = mark.end() <= to;
            List<GoalBadge> badges = mark.kind().equals("goal") && endsHere ? mark.badges() : List.of();
            badges.forEach(b -> badged.add(b.id()));
            out.add(new Inline(mark.kind(), text.substring(start, Math.max(start, end)), mark.href(), badges));
            at = Math.max(at, end);
        }
        if (at < to) {
            out.add(Inline.of("text", text.substring(at, to)));
        }
        return out;
    }
}
