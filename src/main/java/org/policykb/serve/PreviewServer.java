package org.policykb.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Serves a site folder over HTTP for preview. Paths that leave the folder (/../, %2e%2e, absolute paths) are
 * refused; what does not exist gets the site's 404 page. HTML pages get a small script that waits for the next
 * build and reloads the page; the built files themselves are never changed.
 */
public final class PreviewServer implements AutoCloseable {
    static final String RELOAD_SCRIPT = "/_policykb/live.js";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("xml", "application/xml; charset=utf-8"), Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("atom", "application/atom+xml; charset=utf-8"));

    private final Path root;
    private final HttpServer server;
    private final ExecutorService pool;
    private final BuildGeneration generation;

    public PreviewServer(Path siteRoot, InetAddress address, int port, BuildGeneration generation) throws IOException {
        this.root = siteRoot.toAbsolutePath().normalize();
        this.generation = generation;
        this.server = HttpServer.create(new InetSocketAddress(address, port), 256);
        this.pool = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed".getBytes(StandardCharsets.UTF_8));
                return;
            }
            URI uri = exchange.getRequestURI();
            String rawPath = uri.getRawPath();
            if (rawPath.equals(RELOAD_SCRIPT)) {
                send(exchange, 200, TYPES.get("js"), LiveReload.script().getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (rawPath.equals(LiveReload.WAIT_PATH)) {
                long since = LiveReload.since(uri.getRawQuery());
                long now = generation.awaitAfter(since, 25_000);
                send(exchange, 200, TYPES.get("json"), generation.statusJson(now).getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path file = resolve(rawPath);
            if (file == null) {
                send(exchange, 400, "text/plain; charset=utf-8", "bad path".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!Files.isRegularFile(file)) {
                Path notFound = root.resolve("404.html");
                byte[] body = Files.isRegularFile(notFound) ? withReload(Files.readAllBytes(notFound))
                        : "not found".getBytes(StandardCharsets.UTF_8);
                send(exchange, 404, TYPES.get("html"), body);
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            byte[] body = Files.readAllBytes(file);
            if (ext.equals("html")) {
                body = withReload(body);
            }
            send(exchange, 200, TYPES.getOrDefault(ext, "application/octet-stream"), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The file a request path names inside the site, or null when it would leave the site. */
    Path resolve(String rawPath) {
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!decoded.startsWith("/") || decoded.contains("\0") || decoded.contains("\\")) {
            return null;
        }
        for (String segment : decoded.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return null;
            }
        }
        Path file = root.resolve(decoded.substring(1)).normalize();
        return file.startsWith(root) ? file : null;
    }

    private static byte[] withReload(byte[] html) {
        String page = new String(html, StandardCharsets.UTF_8);
        String tag = "<script src=\"" + RELOAD_SCRIPT + "\" defer></script>";
        int at = page.lastIndexOf("</body>");
        page = at >= 0 ? page.substring(0, at) + tag + page.substring(at) : page + tag;
        return page.getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
