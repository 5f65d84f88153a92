package org.policykb.render;

import org.policykb.render.DocumentView.GoalBadge;
import org.policykb.render.DocumentView.Inline;
import org.policykb.text.WordLeftovers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Cuts one paragraph into runs of plain and marked text. Goal marks win over every other mark, because each
 * goal's badge carries the anchor its goals page links to; other marks that overlap a goal are shortened to
 * the text before it or dropped. Word leftovers inside a run ({@code [bookmark: _Hlk1]}) are not shown.
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

    /** The index of the first mark whose end is at or after {@code offset}, in marks sorted by start and end. */
    private static int firstEndingAtOrAfter(List<Mark> marks, int offset) {
        int low = 0;
        int high = marks.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (marks.get(mid).end() < offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** @param goals goal marks sorted by start, none overlapping another (as DocumentBodyBuilder merges them) */
    static List<Inline> inlines(String text, int from, int to, List<Mark> goals, List<Mark> others,
                                Set<String> badged) {
        List<Mark> placed = new ArrayList<>();
        // Goal marks come sorted and merged, so their ends rise with their starts: start at the first that can
        // reach this paragraph instead of reading every goal of the document for every paragraph.
        for (int i = firstEndingAtOrAfter(goals, from); i < goals.size() && goals.get(i).start() < to; i++) {
            Mark goal = goals.get(i);
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
                out.add(Inline.of("text", WordLeftovers.remove(text.substring(at, start))));
            }
            boolean endsHere = mark.end() <= to;
            List<GoalBadge> badges = mark.kind().equals("goal") && endsHere ? mark.badges() : List.of();
            badges.forEach(b -> badged.add(b.id()));
            out.add(new Inline(mark.kind(), WordLeftovers.remove(text.substring(start, Math.max(start, end))), mark.href(), badges));
            at = Math.max(at, end);
        }
        if (at < to) {
            out.add(Inline.of("text", WordLeftovers.remove(text.substring(at, to))));
        }
        return out;
    }
}
