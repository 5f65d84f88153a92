package org.policykb.render;

import java.util.List;

/** One document: its metadata, a table of contents and the full text with tasks and goals marked in place. */
public record DocumentView(PageInfo page, String title, String docNumber, String issuer, String date, String kind,
                           String source, List<TocEntry> toc, List<SectionView> sections, int taskCount,
                           int goalCount, Link goals) {
    public DocumentView {
        toc = List.copyOf(toc);
        sections = List.copyOf(sections);
    }

    public record TocEntry(int level, String number, String title, String href) {
    }

    /**
     * A section's own text. {@code headingLevel} is 0 for the preamble (no heading) and 2..6 otherwise;
     * {@code headingGoals} are goals written in the heading line itself.
     */
    public record SectionView(String id, int headingLevel, String number, String title, boolean table,
                              List<GoalBadge> headingGoals, List<Block> blocks) {
        public SectionView {
            headingGoals = List.copyOf(headingGoals);
            blocks = List.copyOf(blocks);
        }
    }

    /**
     * A run of paragraphs, belonging to one task or to none ({@code task} null). In a table, {@code head} holds
     * the short leading cells of a row (序号, 名称) or the column headings, shown on one line; elsewhere it is
     * empty.
     */
    public record Block(TaskMark task, List<Paragraph> head, List<Paragraph> paragraphs) {
        public Block {
            head = List.copyOf(head);
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /**
     * How a task is marked where it stands. Only the first block of a task carries its anchor and its
     * departments ({@code first}); a task that continues over several blocks is only shaded there.
     *
     * @param lead the lead department, or null when the task names none
     */
    public record TaskMark(String id, boolean first, Link task, String number, Link lead, List<Link> support) {
        public TaskMark {
            support = List.copyOf(support);
        }
    }

    public record Paragraph(List<Inline> inlines) {
        public Paragraph {
            inlines = List.copyOf(inlines);
        }

        /** The paragraph's text without its goal badges. */
        String text() {
            StringBuilder out = new StringBuilder();
            inlines.forEach(i -> out.append(i.text()));
            return out.toString();
        }
    }

    /**
     * A run of text in a paragraph. kind: {@code text}; {@code runin} (a run-in heading); {@code lead} and
     * {@code support} (a department name, linked when {@code href} is not empty); {@code goal} (a goal's clause,
     * followed by one badge per goal written in it).
     */
    public record Inline(String kind, String text, String href, List<GoalBadge> badges) {
        public Inline {
            badges = List.copyOf(badges);
        }

        static Inline of(String kind, String text) {
            return new Inline(kind, text, "", List.of());
        }
    }

    /** A goal's badge: {@code id} is its anchor in the document, {@code href} leads to the goal. */
    public record GoalBadge(String id, String href, String label, String title) {
    }
}
