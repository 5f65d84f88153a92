package org.policykb.model;

import java.time.LocalDate;
import java.util.List;

/**
 * What changed in the latest builds, newest first, for the change page and its Atom feed. Each line has a label
 * (新增任务, 目标调整 …), what changed in words, and the site path of what it is about ("" when it is gone).
 */
public record ChangeLog(List<Build> builds) {
    public ChangeLog {
        builds = List.copyOf(builds);
    }

    public static ChangeLog empty() {
        return new ChangeLog(List.of());
    }

    /** One build that changed something. {@code number} counts builds that changed something, from 1. */
    public record Build(int number, LocalDate date, List<Line> lines) {
        public Build {
            lines = List.copyOf(lines);
        }
    }

    public record Line(String label, String description, String path) {
    }
}
