package org.policykb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.policykb.build.SiteBuilder;
import org.policykb.index.HitType;
import org.policykb.index.Role;
import org.policykb.index.SearchHit;
import org.policykb.index.SearchIndex;
import org.policykb.index.SearchRequest;
import org.policykb.index.SearchResult;
import org.policykb.index.Snippet;
import org.policykb.model.DocumentKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Search the index of the last build: ranked hits with a snippet and the page URL.",
                "With an empty query the filters list all they let through: a department's tasks, a year's goals."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:at least one hit", "1:no hits", "2:invalid arguments, unknown department or unknown kind",
                "3:no search index (run build first) or it cannot be read"})
final class SearchCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY",
            description = "Words or Chinese text; each run of Chinese characters must occur as written.")
    String query = "";

    @Option(names = "--department", paramLabel = "NAME", description = "Only tasks of this department (name, alias or id).")
    String department;

    @Option(names = "--role", paramLabel = "lead|support", description = "With --department: only tasks it leads, or only tasks it supports.")
    Role role;

    @Option(names = "--type", paramLabel = "task|section|goal|document", description = "Only hits of this type.")
    HitType type;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "Only hits from documents of this kind: plan, work-plan, report or news.")
    String kind;

    @Option(names = "--year", paramLabel = "YYYY",
            description = "Only goals due in this year and the tasks that have such a goal.")
    Integer year;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "At most N hits (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the hits as JSON (snippet as plain text plus [start, end) offsets of the matches).")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "site",
            description = "The site folder the build wrote; its index is kept beside it (default ${DEFAULT-VALUE}).")
    Path site;

    @Option(names = "--state", paramLabel = "DIR",
            description = "The build's state folder holding index/, instead of the one --out implies.")
    Path state;

    @Option(names = "--color", paramLabel = "auto|always|never", defaultValue = "auto",
            description = "Mark matches with ANSI colour (on a terminal) or with 【】 (default ${DEFAULT-VALUE}).")
    String color;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (limit < 1) {
            err.println("policykb search: --limit must be at least 1");
            return 2;
        }
        if (role != null && department == null) {
            err.println("policykb search: --role needs --department");
            return 2;
        }
        Optional<DocumentKind> documentKind = kind == null ? Optional.empty() : DocumentKind.fromCode(kind);
        if (kind != null && documentKind.isEmpty()) {
            err.println("policykb search: no document kind 「" + kind + "」; one of: "
                    + Arrays.stream(DocumentKind.values()).map(DocumentKind::code).collect(Collectors.joining(", ")));
            return 2;
        }
        if (query.isBlank() && department == null && type == null && kind == null && year == null) {
            err.println("policykb search: give a query, --department, --type, --kind or --year");
            return 2;
        }
        Path indexDir = (state != null ? state : SiteBuilder.stateFolder(site)).resolve("index");
        try {
            if (!SearchIndex.exists(indexDir)) {
                err.println("policykb search: no search index in " + indexDir.toAbsolutePath() + "; run ./policykb build first");
                return 3;
            }
            try (SearchIndex index = SearchIndex.open(indexDir)) {
                SearchResult result = index.search(new SearchRequest(query, Optional.ofNullable(department),
                        Optional.ofNullable(role), Optional.ofNullable(type), documentKind, Optional.ofNullable(year), limit));
                if (result.unknownDepartment().isPresent()) {
                    err.println("policykb search: no department named 「" + result.unknownDepartment().get() + "」"
                            + (result.closestDepartments().isEmpty() ? "" : "; closest: " + String.join("、", result.closestDepartments())));
                    return 2;
                }
                if (json) {
                    out.println(json(result));
                } else {
                    print(out, result);
                }
                return result.isEmpty() ? 1 : 0;
            }
        } catch (IOException e) {
            err.println("policykb search: " + e.getMessage());
            return 3;
        }
    }

    private void print(PrintStream out, SearchResult result) {
        if (result.isEmpty()) {
            out.println("没有找到 (no hits)");
            return;
        }
        boolean ansi = color.equals("always") || (color.equals("auto") && isTerminal());
        String open = ansi ? "\u001b[1;33m" : "【";
        String close = ansi ? "\u001b[0m" : "】";
        int rank = 1;
        for (SearchHit hit : result.hits()) {
            out.printf("%d. [%s] %s — %s%n", rank++, hit.type().code(), hit.title(), hit.documentTitle());
            out.println("   " + hit.snippet().marked(open, close));
            out.println("   " + hit.url());
        }
        out.printf("%d of %d hits%n", result.hits().size(), result.totalHits());
    }

    private String json(SearchResult result) {
        ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("query", query);
        root.put("total", result.totalHits());
        ArrayNode hits = root.putArray("hits");
        for (SearchHit hit : result.hits()) {
            ObjectNode h = hits.addObject();
            h.put("id", hit.id());
            h.put("type", hit.type().code());
            h.put("title", hit.title());
            h.put("url", hit.url());
            h.put("document", hit.documentId());
            h.put("documentTitle", hit.documentTitle());
            h.put("kind", hit.documentKind());
            ArrayNode years = h.putArray("years");
            hit.years().forEach(years::add);
            h.put("score", hit.score());
            hit.lead().ifPresent(lead -> h.put("lead", lead));
            ArrayNode support = h.putArray("support");
            hit.support().forEach(support::add);
            ObjectNode snippet = h.putObject("snippet");
            snippet.put("text", hit.snippet().text());
            ArrayNode marks = snippet.putArray("highlights");
            for (Snippet.Highlight mark : hit.snippet().highlights()) {
                marks.addArray().add(mark.start()).add(mark.end());
            }
        }
        return root.toString();
    }

    /** System.console() is not null on JDK 22+ even when redirected, so ask isTerminal() where it exists. */
    private static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null || System.getenv("NO_COLOR") != null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only for a terminal
        }
    }
}
