package org.policykb.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.policykb.model.ChangeLog;
import org.policykb.model.SiteUrls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The change log kept in the state folder: the latest builds that changed something, newest first, so the
 * change page and the feed show more than the last build. A build that changed nothing adds nothing.
 */
final class ChangeHistory {
    static final String FILE_NAME = "changes.json";
    static final int KEEP = 30;
    private static final int LINES_PER_BUILD = 500;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    ChangeLog read(Path stateDir) {
        Path file = stateDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return ChangeLog.empty();
        }
        try {
            return json.readValue(file.toFile(), ChangeLog.class);
        } catch (IOException e) {
            return ChangeLog.empty(); // a damaged log only loses history, never the build
        }
    }

    ChangeLog append(ChangeLog log, ChangeReport report, LocalDate date) {
        if (report.isEmpty()) {
            return log;
        }
        List<ChangeLog.Line> lines = new ArrayList<>();
        for (ChangeReport.Change c : report.changes()) {
            if (lines.size() == LINES_PER_BUILD) {
                lines.add(new ChangeLog.Line("…", (report.changes().size() - LINES_PER_BUILD) + " more changes", ""));
                break;
            }
            lines.add(new ChangeLog.Line(c.kind().label(), c.description(), path(c)));
        }
        int number = log.builds().isEmpty() ? 1 : log.builds().get(0).number() + 1;
        List<ChangeLog.Build> builds = new ArrayList<>();
        builds.add(new ChangeLog.Build(number, date, lines));
        builds.addAll(log.builds().subList(0, Math.min(KEEP - 1, log.builds().size())));
        return new ChangeLog(builds);
    }

    private static String path(ChangeReport.Change c) {
        return switch (c.kind()) {
            case DOCUMENT_ADDED, DOCUMENT_CHANGED -> SiteUrls.document(c.subject());
            case TASK_ADDED, TASK_MOVED, TASK_REASSIGNED, TASK_EDITED -> SiteUrls.task(c.subject());
            case GOAL_ADDED, GOAL_CHANGED -> SiteUrls.goal(c.subject());
            case DOCUMENT_REMOVED, TASK_REMOVED, GOAL_REMOVED -> "";
        };
    }

    void write(Path stateDir, ChangeLog log) throws IOException {
        StateFile.replace(stateDir, FILE_NAME, tmp -> json.writeValue(tmp.toFile(), log));
    }
}
