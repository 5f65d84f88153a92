package org.policykb.render;

import java.util.List;

/** The change log page: the latest builds that changed something, newest first, and the feed to follow it. */
public record ChangesView(PageInfo page, List<Build> builds, Link feed) {
    public ChangesView {
        builds = List.copyOf(builds);
    }

    /** One build: its number, its date in Chinese, and its changes. */
    public record Build(int number, String date, List<Line> lines) {
        public Build {
            lines = List.copyOf(lines);
        }
    }

    /** One change; {@code href} is empty when what changed is gone. */
    public record Line(String label, String description, String href) {
    }
}
