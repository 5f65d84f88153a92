package org.policykb.index;

import com.sun.net.httpserver.HttpServer;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.OutputFile;
import org.policykb.render.RenderContext;
import org.policykb.render.SiteRenderer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A site folder with just what search needs — search.html rendered from templates/search.ftlh, the script and
 * the exported browser index — served by the JDK's HTTP server on 127.0.0.1, counting the bytes it sends.
 */
final class SearchSite implements AutoCloseable {
    final Path root;
    final SearchIndex index;
    final List<OutputFile> files;
    final AtomicLong bytesServed = new AtomicLong();
    final AtomicLong requests = new AtomicLong();
    /** Bytes sent per kind of file: the first folder under search/, or the file name for the rest. */
    final java.util.concurrent.ConcurrentHashMap<String, Long> bytesByKind = new java.util.concurrent.ConcurrentHashMap<>();
    /** Every file sent, in the order its sending finished: path and bytes. */
    final java.util.concurrent.ConcurrentLinkedQueue<Map.Entry<String, Long>> sent = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private HttpServer server;

    private SearchSite(Path root, SearchIndex index, List<OutputFile> files) {
        this.root = root;
        this.index = index;
        this.files = files;
    }

    static SearchSite build(KnowledgeBase kb, Path state, Path site) throws IOException {
        return build(kb, state, site, new BrowserIndexExport());
    }

    /** As {@link #build(KnowledgeBase, Path, Path)}, exported by {@code export}. */
    static SearchSite build(KnowledgeBase kb, Path state, Path site, BrowserIndexExport export) throws IOException {
        SearchIndex index = SearchIndex.open(state.resolve("index"));
        index.update(kb);
        List<OutputFile> files = export.export(index, kb);
        for (OutputFile file : files) {
            Path target = site.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.write(target, file.bytes());
        }
        addPage(site);
        return new SearchSite(site, index, files);
    }

    /** A built site whose index is already exported, with its build's state folder. */
    static SearchSite existing(Path site, Path state) throws IOException {
        return new SearchSite(site, SearchIndex.open(state.resolve("index")), List.of());
    }

    /**
     * search.html as the site renderer makes it from templates/search.ftlh (a child of the shared layout), and
     * the theme's assets it loads (search.js, search.css, site.css).
     */
    static void addPage(Path site) throws IOException {
        KnowledgeBase empty = new KnowledgeBase(List.of(), List.of(), Map.of(), List.of());
        List<OutputFile> rendered = new SiteRenderer(Path.of("templates"))
                .render(empty, new RenderContext(LocalDate.of(2024, 1, 1), "政策文件知识库"));
        for (OutputFile file : rendered) {
            if (file.path().equals("search.html") || file.path().startsWith("assets/")) {
                Path target = site.resolve(file.path());
                Files.createDirectories(target.getParent());
                Files.write(target, file.bytes());
            }
        }
    }

    String serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            try (exchange) {
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(file);
                String name = file.getFileName().toString();
                String type = name.endsWith(".html") ? "text/html; charset=utf-8"
                        : name.endsWith(".js") ? "text/javascript; charset=utf-8"
                        : name.endsWith(".css") ? "text/css; charset=utf-8" : "application/json";
                exchange.getResponseHeaders().set("Content-Type", type);
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
                bytesServed.addAndGet(body.length);
                String path = exchange.getRequestURI().getPath();
                String kind = path.startsWith("/search/") && path.indexOf('/', 8) > 0
                        ? path.substring(8, path.indexOf('/', 8)) : name;
                bytesByKind.merge(kind, (long) body.length, Long::sum);
                sent.add(Map.entry(path, (long) body.length));
                requests.incrementAndGet();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.stop(0);
        }
        index.close();
    }

    /** The JSON a file of the browser index holds ({@link DeflatedJson}), as the browser inflates it. */
    static String inflate(Path file) throws IOException {
        java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
        try {
            inflater.setInput(Files.readAllBytes(file));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("Truncated DEFLATE data: " + file);
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (java.util.zip.DataFormatException e) {
            throw new IOException("Not DEFLATE data: " + file, e);
        } finally {
            inflater.end();
        }
    }

    static String utf8(OutputFile file) {
        return new String(file.bytes(), StandardCharsets.UTF_8);
    }

    static void delete(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
