package org.policykb.serve;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A bounded load generator run as a second process by {@link PreviewServerTest}: fires {@code count} requests at
 * once at a server on the loopback address, cycling through {@code path=status} pairs, and prints one line
 * {@code requests=… ok=… unexpected=… errors=… millis=…}. Refuses any host but loopback, and gives up after
 * {@code seconds}.
 * <p>Usage: {@code LoadGenerator <port> <count> <seconds> <path=status>...}
 */
public final class LoadGenerator {
    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        if (count < 1 || count > 10_000 || seconds < 1 || seconds > 300) {
            throw new IllegalArgumentException("count must be 1..10000 and seconds 1..300: " + count + ", " + seconds);
        }
        List<Map.Entry<String, Integer>> expected = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].lastIndexOf('=');
            expected.add(Map.entry(args[i].substring(0, eq), Integer.parseInt(args[i].substring(eq + 1))));
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(seconds)).build();
        long started = System.nanoTime();
        List<CompletableFuture<Boolean>> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map.Entry<String, Integer> want = expected.get(i % expected.size());
            URI uri = URI.create("http://" + loopback.getHostAddress() + ":" + port + want.getKey());
            requests.add(client.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(seconds)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).thenApply(r -> r.statusCode() == want.getValue()));
        }
        int ok = 0;
        int unexpected = 0;
        int errors = 0;
        long deadline = started + TimeUnit.SECONDS.toNanos(seconds);
        for (CompletableFuture<Boolean> request : requests) {
            try {
                if (request.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    ok++;
                } else {
                    unexpected++;
                }
            } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
                errors++;
                request.cancel(true);
            }
        }
        System.out.println("requests=" + count + " ok=" + ok + " unexpected=" + unexpected + " errors=" + errors
                + " millis=" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        System.exit(0);
    }
}
