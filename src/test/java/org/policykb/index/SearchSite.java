package org.policykb.index;

import com.sun.net.httpserver.HttpServer;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.OutputFile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private HttpServer server;

    private SearchSite(Path root, SearchIndex index, List<OutputFile> files) {
        this.root = root;
        this.index = index;
        this.files = files;
    }

    static SearchSite build(KnowledgeBase kb, Path state, Path site) throws IOException {
        SearchIndex index = SearchIndex.open(state.resolve("index"));
        index.update(kb);
        List<OutputFile> files = new BrowserIndexExport().export(index, kb);
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

    /** search.html rendered from templates/search.ftlh, and the script and style it loads. */
    static void addPage(Path site) throws IOException {
        Files.createDirectories(site.resolve("assets"));
        for (String asset : List.of("search.js", "search.css")) {
            Files.copy(Path.of("templates/assets", asset), site.resolve("assets").resolve(asset),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setDirectoryForTemplateLoading(Path.of("templates").toFile());
        freemarker.setDefaultEncoding("UTF-8");
        try {
            Template template = freemarker.getTemplate("search.ftlh");
            StringWriter html = new StringWriter();
            template.process(Map.of(), html);
            Files.writeString(site.resolve("search.html"), html.toString());
        } catch (TemplateException e) {
            throw new IllegalStateException("templates/search.ftlh does not render", e);
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
