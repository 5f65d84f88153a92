package org.policykb.serve;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreviewServerTest {
    @TempDir
    Path tmp;
    private PreviewServer server;
    private final BuildGeneration generation = new BuildGeneration();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws IOException {
        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<!doctype html><html><body><h1>首页</h1></body></html>");
        Files.writeString(site.resolve("404.html"), "<!doctype html><html><body>找不到页面</body></html>");
        Files.createDirectories(site.resolve("departments"));
        Files.writeString(site.resolve("departments/区教体局.html"), "<html><body>区教体局</body></html>");
        Files.writeString(tmp.resolve("secret.txt"), "outside the site");
        generation.advance(List.of());
        server = new PreviewServer(site, InetAddress.getLoopbackAddress(), 0, generation);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Sends a raw request line, so no client library normalises the path first. */
    private String raw(String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void pathsThatLeaveTheSiteAreRefused() throws IOException {
        for (String path : List.of("/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/departments/../../secret.txt",
                "/..%5csecret.txt", "//etc/passwd")) {
            String response = raw(path);
            assertFalse(response.contains("outside the site"), path + " leaked: " + response);
            assertTrue(response.startsWith("HTTP/1.1 400") || response.startsWith("HTTP/1.1 404"), path + ": " + response);
        }
        assertNull(server.resolve("/%2e%2e/secret.txt"));
    }

    @Test
    void pagesGetTheReloadScriptAndMissingPagesTheSite404() throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<h1>首页</h1>"));
        assertTrue(page.body().contains(PreviewServer.RELOAD_SCRIPT));
        HttpResponse<String> chinese = client.send(HttpRequest.newBuilder(uri("/departments/%E5%8C%BA%E6%95%99%E4%BD%93%E5%B1%80.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, chinese.statusCode());
        HttpResponse<String> missing = client.send(HttpRequest.newBuilder(uri("/nope.html")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("找不到页面"));
    }

    @Test
    void aWaitingPageHearsOfTheNextBuildAndItsProblems() throws Exception {
        CompletableFuture<HttpResponse<String>> waiting = client.sendAsync(
                HttpRequest.newBuilder(uri("/_policykb/wait?since=" + generation.current())).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(200);
        assertFalse(waiting.isDone(), "the page waits for the next build");
        generation.advance(List.of("bad.txt:3: error: cannot tell the encoding"));
        String body = waiting.get().body();
        assertTrue(body.contains("\"generation\":2"), body);
        assertTrue(body.contains("cannot tell the encoding"), body);
    }

    @Test
    void holdsUpUnderManyConcurrentRequests() throws Exception {
        List<CompletableFuture<HttpResponse<Void>>> requests = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            requests.add(client.sendAsync(HttpRequest.newBuilder(uri(i % 2 == 0 ? "/" : "/nope.html")).build(),
                    HttpResponse.BodyHandlers.discarding()));
        }
        int ok = 0;
        int notFound = 0;
        for (CompletableFuture<HttpResponse<Void>> r : requests) {
            int status = r.get().statusCode();
            ok += status == 200 ? 1 : 0;
            notFound += status == 404 ? 1 : 0;
        }
        assertEquals(500, ok);
        assertEquals(500, notFound);
    }

    /**
     * A second process on loopback fires 1,000 requests at once — pages, missing pages and paths that try to
     * leave the site — and every one gets its expected status: no resets, no timeouts, no leaks.
     */
    @Test
    void holdsUpUnderALoadTestFromASecondProcess() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process load = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), LoadGenerator.class.getName(),
                String.valueOf(server.port()), "1000", "60", "/=200", "/nope.html=404", "/departments/%E5%8C%BA%E6%95%99%E4%BD%93%E5%B1%80.html=200",
                "/%2e%2e/secret.txt=400", "/departments/=404")
                .redirectErrorStream(true).start();
        boolean finished = load.waitFor(90, java.util.concurrent.TimeUnit.SECONDS);
        if (!finished) {
            load.destroyForcibly();
        }
        String output = new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(finished, "the load generator did not finish: " + output);
        assertEquals(0, load.exitValue(), output);
        assertTrue(output.contains("requests=1000 ok=1000 unexpected=0 errors=0"), output);
        System.out.println("PreviewServerTest load: " + output.strip());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
