package org.policykb.render;

import org.policykb.model.Goal;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Section;
import org.policykb.model.SiteUrls;

import java.util.List;

/** A document page and the goals page of the same document. */
final class DocumentViewBuilder {
    private static final int LONG_TOC = 30;

    private final SiteLayout layout;
    private final DocumentBodyBuilder body;
    private final GoalRows goalRows;

    DocumentViewBuilder(RenderIndex index, SiteLayout layout, GoalRows goalRows) {
        this.layout = layout;
        this.body = new DocumentBodyBuilder(index);
        this.goalRows = goalRows;
    }

    DocumentView document(PolicyDocument document) {
        String path = SiteUrls.document(document.id());
        String title = document.meta().title();
        PageInfo page = layout.page(path, title, "documents",
                List.of(new Link(SiteLayout.DOCUMENTS, "文件"), new Link("", title)), false);
        List<Section> titled = document.sections().stream().filter(s -> !blank(s.title()) || !blank(s.number())).toList();
        // A long plan lists every numbered item; its contents stay readable with the top two levels only.
        int depth = titled.size() > LONG_TOC ? 2 : Integer.MAX_VALUE;
        List<DocumentView.TocEntry> toc = titled.stream().filter(s -> s.level() <= depth)
                .map(s -> new DocumentView.TocEntry(s.level(), s.number() == null ? "" : s.number().strip(),
                        s.title() == null ? "" : s.title().strip(), RelativeHref.anchor(s.id())))
                .toList();
        return new DocumentView(page, title, document.meta().docNumber().orElse(""),
                document.meta().issuer().orElse(""), ChineseLabels.date(document.meta().date()),
                ChineseLabels.kind(document.meta().kind()), document.source(), toc,
                body.sections(document, page.root()), document.tasks().size(), document.goals().size(),
                SiteLayout.link(page.root(), goalsPath(document), "本文件的目标"));
    }

    GoalsView goals(PolicyDocument document) {
        String title = document.meta().title();
        PageInfo page = layout.page(goalsPath(document), "目标 · " + title, "goals",
                List.of(new Link(SiteLayout.GOALS, "目标"), new Link("", title)), true);
        List<Goal> goals = document.goals().stream().sorted(GoalRows.BY_YEAR).toList();
        return new GoalsView(page, title + " 的目标",
                SiteLayout.link(page.root(), SiteUrls.document(document.id()), title),
                goals.stream().map(g -> goalRows.row(g, page.root())).toList(),
                (int) goals.stream().filter(g -> g.year().isPresent()).count());
    }

    /** The goals page of a document: where {@link SiteUrls#goal} points, without the anchor. */
    static String goalsPath(PolicyDocument document) {
        String any = SiteUrls.goal(document.id() + "/g");
        return any.substring(0, any.indexOf('#'));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
