package org.policykb.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.policykb.index.BrowserIndexExport;
import org.policykb.index.IndexChange;
import org.policykb.index.SearchIndex;
import org.policykb.model.ChangeLog;
import org.policykb.model.FileSink;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.OutputFile;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Sha256;
import org.policykb.model.StreamedFile;
import org.policykb.model.Problem;
import org.policykb.publish.SiteWriter;
import org.policykb.render.RedirectPages;
import org.policykb.render.DataExport;
import org.policykb.render.LinkChecker;
import org.policykb.render.RelatedTaskTable;
import org.policykb.model.FileReuse;
import org.policykb.render.RenderContext;
import org.policykb.render.SiteRenderer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A build: read the content, export the data, render the pages, index for search, check the links, publish the
 * site, and report what changed since the last build. One build at a time per site (a lock in the state folder).
 * What a build keeps for the next one (the parsed documents, the search index, page digests) is in the state folder.
 */
public final class SiteBuilder {
    static final String SITE_TITLE = "政策文件知识库";
    private static final Duration LOCK_WAIT = Duration.ofSeconds(30);
    /** The state file where publishing records the site folder and its spare. */
    private static final String SITE_RECORD = "site.tsv";
    /** The state file where the browser index export keeps what its postings were made from. */
    private static final String BROWSER_INDEX_STATE = "browser-index.state";

    private final KnowledgeBaseReader reader = new KnowledgeBaseReader();
    private final DataExport dataExport = new DataExport();
    private final BrowserIndexExport browserIndex = new BrowserIndexExport();
    private final ObjectMapper json = new ObjectMapper();
    private final ChangeHistory history = new ChangeHistory();
    private final TaskRedirects taskRedirects = new TaskRedirects();
    private final RedirectPages redirectPages = new RedirectPages();
    private final String codeIdentity;
    /** The last build's renderer, reused while its theme is unchanged: a preview rebuild need not parse it again. */
    private SiteRenderer lastRenderer;
    /** The last build's related tasks: a preview rebuild reuses them, without reading them back, when its tasks are the same. */
    private RelatedTaskTable lastRelated;

    public SiteBuilder() {
        this(CodeIdentity.current());
    }

    /** A builder whose parse cache belongs to the code named {@code codeIdentity} (tests name another code). */
    SiteBuilder(String codeIdentity) {
        this.codeIdentity = codeIdentity;
    }

    public BuildResult build(BuildSettings settings) throws IOException {
        return build(settings, Progress.NONE);
    }

    public BuildResult build(BuildSettings settings, Progress progress) throws IOException {
        if (!Files.isDirectory(settings.content())) {
            throw new IllegalArgumentException("Content folder does not exist: " + settings.content());
        }
        long started = System.nanoTime();
        Path state = stateFolder(settings);
        try (BuildLock lock = BuildLock.acquire(state, LOCK_WAIT)) {
            StageTimes times = new StageTimes();
            if (settings.clean()) {
                deleteTree(state.resolve("index"));
                deleteTree(state.resolve(ParseCache.FOLDER));
                reader.forget();
            }
            ParseCache parsed = ParseCache.in(state.resolve(ParseCache.FOLDER), codeIdentity);
            // what the published site's files were made from, read while the content is (a build with few changes
            // spends a tenth of its time on it at 10,000 documents: 66 MB); --clean starts without
            java.util.concurrent.Future<Map<String, String>> publishedDigests = PageDigests.readAside(state,
                    PageDigests.PAGES, !settings.clean());
            java.util.concurrent.Future<Map<String, String>> publishedLayouts = PageDigests.readAside(state,
                    PageDigests.PARTS, !settings.clean());
            KnowledgeBaseReader.Reading reading = times.time("read", () -> reader.readFolder(settings.content(), progress, parsed));
            KnowledgeBase kb = reading.knowledgeBase();
            List<Problem> problems = new ArrayList<>(kb.problems());

            SummaryStore summaries = new SummaryStore(state, codeIdentity, json);
            ChangeReport changes = times.time("changes", () -> {
                SummaryStore.Comparison compared = summaries.compare(kb, reading.hashBySource());
                return ChangeReport.between(compared.before(), compared.after());
            });
            ChangeLog log = history.append(history.read(state), changes, settings.generatedOn());
            Map<String, String> redirects = TaskRedirects.update(taskRedirects.read(state), changes.movedTaskIds(), kb);

            // Files go straight to the new site folder and the link check as they are made: a large site is never
            // held in memory whole, and documents are rendered in parallel.
            // The replaced site is kept as the spare the next build writes into; --clean starts from an empty folder.
            SiteWriter writer = new SiteWriter(settings.content(), state.resolve(SITE_RECORD));
            SiteWriter.Publication publication = writer.open(settings.out(), !settings.clean());
            int itemsIndexed;
            BuildResult.BrowserIndex browserIndexWork;
            LinkChecker.Session links = new LinkChecker().session(publication::read);
            java.util.concurrent.atomic.AtomicInteger fileCount = new java.util.concurrent.atomic.AtomicInteger();
            // where the parts of the published streamed files are, and of the new ones
            Map<String, String> previousLayouts = await(publishedLayouts);
            Map<String, String> layouts = new java.util.concurrent.ConcurrentHashMap<>();
            Map<String, String> digests = new java.util.concurrent.ConcurrentHashMap<>();
            java.util.Queue<String> rendered = new java.util.concurrent.ConcurrentLinkedQueue<>();
            java.util.concurrent.atomic.AtomicInteger keptPages = new java.util.concurrent.atomic.AtomicInteger();
            // files other than pages carried over: search cards and department ledgers
            java.util.concurrent.atomic.AtomicInteger keptFiles = new java.util.concurrent.atomic.AtomicInteger();
            FileSink sink = new FileSink() {
                @Override
                public void accept(OutputFile file) {
                    links.accept(file);
                    published(() -> {
                        publication.write(file);
                        return null;
                    });
                }

                @Override
                public void accept(StreamedFile file) {
                    links.accept(file.path()); // not a page: its name is all the link check needs
                    published(() -> {
                        layouts.put(file.path(), publication.write(file, previousLayouts.remove(file.path())));
                        return null;
                    });
                }

                private void published(StageTimes.IoWork<Void> write) {
                    try {
                        write.get();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    fileCount.incrementAndGet();
                }
            };
            Map<String, String> versions = documentVersions(kb, reading.hashBySource());
            try {
                times.time("export", () -> {
                    dataExport.export(kb, id -> java.util.Optional.ofNullable(versions.get(id))).forEach(sink::accept);
                    return null;
                });
                progress.stage("rendering pages and indexing", 0);
                RenderContext context = new RenderContext(settings.generatedOn(), SITE_TITLE, settings.baseUrl());
                SiteRenderer renderer = renderer(settings.templates());
                // A page whose inputs (theme, template, view) did not change, and a search card whose item did not,
                // is carried over from the published site: not made, written or checked again.
                Map<String, String> previousDigests = await(publishedDigests);
                FileReuse reuse = new CarryOver(previousDigests, digests, publication, links, rendered::add, keptPages, keptFiles,
                        versions);
                CarryOver cardReuse = new CarryOver(previousDigests, digests, publication, links, path -> { }, keptFiles, keptFiles,
                        versions);
                RelatedTaskTable previousRelated = settings.clean() ? RelatedTaskTable.NONE
                        : lastRelated != null ? lastRelated : RelatedTaskCache.read(state, codeIdentity);
                // The search index and the browser index are made beside the pages, on a thread of their own: they
                // read the knowledge base, not the pages, and a build with few changes spends most of either on one
                // thread (at 10,000 documents, 5 s of pages and 4 s of indexes after a one-document edit).
                java.util.concurrent.FutureTask<Indexed> indexing = new java.util.concurrent.FutureTask<>(
                        () -> index(state, kb, versions, times, cardReuse, sink));
                RelatedTaskTable related = times.time("render+check+write", () -> {
                    Thread.ofPlatform().name("policykb-index").start(indexing);
                    try {
                        RelatedTaskTable table = renderer.render(kb, context, log, reuse, previousRelated, sink);
                        redirectPages.render(kb, redirects).forEach(sink);
                        return table;
                    } catch (RuntimeException | Error e) {
                        awaitQuietly(indexing, e); // nothing may still write into the new site when it is abandoned
                        throw e;
                    }
                });
                Indexed indexed = await(indexing);
                itemsIndexed = indexed.items();
                browserIndexWork = indexed.browserIndex();
                if (related != previousRelated) {
                    RelatedTaskCache.write(state, codeIdentity, related);
                }
                lastRelated = related;
                problems.addAll(times.time("check links", links::problems));
                progress.stage("publishing", 0);
                times.timeIo("publish", () -> {
                    // a streamed file kept as published (in the new site, not streamed again) keeps its layout
                    previousLayouts.forEach((path, layout) -> {
                        if (publication.holds(path)) {
                            layouts.putIfAbsent(path, layout);
                        }
                    });
                    PageDigests.forget(state, PageDigests.PAGES);
                    PageDigests.forget(state, PageDigests.PARTS);
                    publication.commit();
                    PageDigests.write(state, PageDigests.PAGES, digests);
                    PageDigests.write(state, PageDigests.PARTS, layouts);
                    summaries.write(kb, reading.hashBySource());
                    history.write(state, log);
                    taskRedirects.write(state, redirects);
                    parsed.removeUnused();
                    return null;
                });
            } catch (IOException | RuntimeException e) {
                publication.abandon();
                throw e;
            }
            int[] written = {writer.written()};
            return new BuildResult(kb, fileCount.get() + keptPages.get() + keptFiles.get(), written[0],
                    Duration.ofNanos(System.nanoTime() - started), problems, changes, times,
                    rendered.stream().sorted().toList(), keptPages.get(), reading.parsed(), reading.cached(), itemsIndexed,
                    browserIndexWork);
        }
    }

    /** What the indexing beside the render did: items written to the search index, and the browser index's fate. */
    private record Indexed(int items, BuildResult.BrowserIndex browserIndex) {
    }

    /**
     * Updates the Lucene index (in the state folder beside the site, document by document), then the browser index
     * made from it. While the search index holds the same, with the same code, the published browser index is kept
     * whole (a build with nothing new, or after a change of the theme).
     */
    private Indexed index(Path state, KnowledgeBase kb, Map<String, String> versions, StageTimes times,
                          CarryOver cardReuse, FileSink sink) throws IOException {
        try (SearchIndex index = SearchIndex.open(state.resolve("index"))) {
            SearchIndex.UpdateCounts counts = times.timeIo("index", () -> index.update(kb, versions));
            BuildResult.BrowserIndex work = times.timeIo("browser index", () -> {
                // the published browser index was made from the index the update started from: the export may redo
                // only what the update changed
                boolean fromStart = cardReuse.folderKey(BrowserIndexExport.FOLDER)
                        .equals(counts.change().fromKey().map(key -> codeIdentity + " " + key));
                if (cardReuse.keepFolder(BrowserIndexExport.FOLDER, codeIdentity + " " + counts.contentKey())) {
                    return BuildResult.BrowserIndex.KEPT;
                }
                return browserIndex.export(index, kb, fromStart ? counts.change() : IndexChange.UNKNOWN,
                        state.resolve(BROWSER_INDEX_STATE), cardReuse, sink)
                        ? BuildResult.BrowserIndex.UPDATED : BuildResult.BrowserIndex.MADE;
            });
            return new Indexed(counts.written(), work);
        }
    }

    /** The result of work done on another thread, once it has ended; what failed there is thrown here as it was. */
    private static <T> T await(java.util.concurrent.Future<T> work) throws IOException {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted while waiting for work of the build");
        } catch (java.util.concurrent.ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Waits for the indexing to end after {@code failure} elsewhere, adding what failed there to it. */
    private static void awaitQuietly(java.util.concurrent.FutureTask<Indexed> indexing, Throwable failure) {
        try {
            await(indexing);
        } catch (IOException | RuntimeException | Error e) {
            if (e != failure) {
                failure.addSuppressed(e);
            }
        }
    }

    private SiteRenderer renderer(Path templates) {
        if (lastRenderer == null || !lastRenderer.rendersTheme(templates)) {
            lastRenderer = new SiteRenderer(templates);
        }
        return lastRenderer;
    }

    /**
     * Keeps a file in the new site (hard-linked from the published one) when the published file was made from the
     * same digest, or from the same inputs; records every digest for the next build, hands the pages that must be
     * made anew to {@code remade} and counts the kept pages and other files. Each file is asked about once, and its
     * digest from the last build is taken out of {@code previous} then: 460,000 of them at 10,000 documents, which
     * need not stay for the rest of the build.
     * A file asked for by inputs is recorded as the inputs' SHA-256, a space, and its digest (made only when the
     * inputs differ).
     */
    private static final class CarryOver implements FileReuse {
        /** Stands for the digest of a file made as a stream; never equal to a SHA-256. */
        private static final String STREAMED = "streamed";
        private final Map<String, String> previous;
        private final Map<String, String> digests;
        private final SiteWriter.Publication publication;
        private final LinkChecker.Session links;
        private final java.util.function.Consumer<String> remade;
        private final java.util.concurrent.atomic.AtomicInteger keptPages;
        private final java.util.concurrent.atomic.AtomicInteger keptFiles;
        private final Map<String, String> versions;

        CarryOver(Map<String, String> previous, Map<String, String> digests, SiteWriter.Publication publication,
                  LinkChecker.Session links, java.util.function.Consumer<String> remade,
                  java.util.concurrent.atomic.AtomicInteger keptPages, java.util.concurrent.atomic.AtomicInteger keptFiles,
                  Map<String, String> versions) {
            this.previous = previous;
            this.digests = digests;
            this.publication = publication;
            this.links = links;
            this.remade = remade;
            this.keptPages = keptPages;
            this.keptFiles = keptFiles;
            this.versions = versions;
        }

        @Override
        public boolean keep(String path, String digest) {
            digests.put(path, digest);
            if (digest.equals(previous.remove(path)) && carry(path)) {
                return true;
            }
            remadeIfPage(path);
            return false;
        }

        @Override
        public boolean keep(String path, String inputs, java.util.function.Supplier<String> digest) {
            String key = Sha256.hex(inputs).substring(0, 32);
            String before = previous.remove(path);
            int space = before == null ? -1 : before.indexOf(' ');
            if (space > 0 && before.substring(0, space).equals(key)) {
                digests.put(path, before);
                if (carry(path)) {
                    return true;
                }
            }
            String made = digest.get();
            digests.put(path, key + " " + made);
            if (space > 0 && before.substring(space + 1).equals(made) && carry(path)) {
                return true;
            }
            remadeIfPage(path);
            return false;
        }

        @Override
        public boolean keepByInputs(String path, String inputs) {
            String key = Sha256.hex(inputs).substring(0, 32);
            // recorded with no digest: a file made as a stream is kept by its inputs alone
            digests.put(path, key + " " + STREAMED);
            String before = previous.remove(path);
            return before != null && before.equals(key + " " + STREAMED) && carry(path);
        }

        /**
         * Recorded as the inputs' key, then each file's path and its own record, tab-separated: one line for all the
         * group's files, read and carried over as one while the group is kept (most of a site's pages, in most
         * builds). When the group is made again, its files' records are asked about one by one, as any file's.
         */
        @Override
        public java.util.Optional<List<String>> keepGroup(String group, String inputs,
                                                          java.util.function.Supplier<List<String>> make) {
            String key = Sha256.hex(inputs).substring(0, 32);
            String before = previous.remove(group);
            String[] fields = before == null ? new String[0] : before.split("\t", -1);
            if (fields.length % 2 == 1) { // else not a record of a group: none of it is trusted
                List<String> paths = new ArrayList<>(fields.length / 2);
                for (int f = 1; f < fields.length; f += 2) {
                    paths.add(fields[f]);
                }
                if (fields[0].equals(key) && keepEach(paths)) {
                    digests.put(group, before);
                    for (String path : paths) {
                        links.kept(path);
                        (isPage(path) ? keptPages : keptFiles).incrementAndGet();
                    }
                    return java.util.Optional.of(paths);
                }
                for (int f = 1; f < fields.length; f += 2) {
                    previous.put(fields[f], fields[f + 1]);
                }
            }
            List<String> made = make.get();
            StringBuilder record = new StringBuilder(key);
            for (String path : made) {
                String own = digests.get(path);
                if (own == null) {
                    return java.util.Optional.empty(); // a file not asked about: the group is not recorded, nor kept
                }
                record.append('\t').append(path).append('\t').append(own);
            }
            made.forEach(digests::remove);
            digests.put(group, record.toString());
            return java.util.Optional.empty();
        }

        private boolean keepEach(List<String> paths) {
            try {
                return publication.keepEach(paths);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /**
         * Keeps every published file under {@code folder} when the folder was last made from the same {@code key},
         * with the digests recorded for them; records the key either way. False when the folder must be made.
         */
        boolean keepFolder(String folder, String key) {
            digests.put(folder, key);
            return key.equals(previous.remove(folder)) && keepAll(folder, path -> true);
        }

        /** The key {@code folder} was last made from ({@link #keepFolder}), if any is left to compare. */
        java.util.Optional<String> folderKey(String folder) {
            return java.util.Optional.ofNullable(previous.get(folder));
        }

        @Override
        public boolean keepAll(String folder, java.util.function.Predicate<String> which) {
            try {
                return publication.keepAll(folder, which, path -> {
                    String digest = previous.remove(path);
                    if (digest != null) {
                        digests.put(path, digest);
                    }
                    links.accept(path);
                    keptFiles.incrementAndGet();
                });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public java.util.Optional<String> documentVersion(String documentId) {
            return java.util.Optional.ofNullable(versions.get(documentId));
        }

        private static boolean isPage(String path) {
            return path.endsWith(".html");
        }

        private void remadeIfPage(String path) {
            if (isPage(path)) {
                remade.accept(path);
            }
        }

        private boolean carry(String path) {
            try {
                if (publication.keep(path)) {
                    links.kept(path);
                    (isPage(path) ? keptPages : keptFiles).incrementAndGet();
                    return true;
                }
                return false;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Each document's version: the code that read it, its source's path and content hash, and its id. */
    private Map<String, String> documentVersions(KnowledgeBase kb, Map<String, String> hashBySource) {
        Map<String, String> versions = new HashMap<>();
        for (PolicyDocument document : kb.documents()) {
            String hash = hashBySource.get(document.source());
            if (hash != null) {
                // 32 hex digits, not the parts: a task page's key holds the versions of all its related tasks' documents
                versions.put(document.id(), Sha256.hex(String.join("\u0000", codeIdentity, document.source(), hash,
                        document.id())).substring(0, 32));
            }
        }
        return versions;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.isDirectory(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * {@code .policykb/<site folder name>/} beside the output folder: what a build keeps between builds (the Lucene
     * index, summaries, digests; not published). Named after the site, so sites written side by side keep apart.
     */
    public static Path stateFolder(BuildSettings settings) {
        return stateFolder(settings.out());
    }

    public static Path stateFolder(Path out) {
        Path site = out.toAbsolutePath().normalize();
        return site.getParent().resolve(".policykb").resolve(site.getFileName().toString());
    }
}
