package org.policykb.serve;

import java.util.List;

/**
 * The number of the latest finished build and its problems. Open pages wait on it and reload when it moves on;
 * a build's problems are shown in the page instead of stopping the server.
 */
public final class BuildGeneration {
    private long number;
    private List<String> problems = List.of();

    public synchronized void advance(List<String> newProblems) {
        number++;
        problems = List.copyOf(newProblems);
        notifyAll();
    }

    public synchronized long current() {
        return number;
    }

    /** Waits until a build newer than {@code since} has finished, or the timeout passes; returns the current number. */
    public synchronized long awaitAfter(long since, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (number <= since) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return number;
    }

    synchronized String statusJson(long generation) {
        StringBuilder json = new StringBuilder("{\"generation\":").append(generation).append(",\"problems\":[");
        for (int i = 0; i < problems.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(escape(problems.get(i))).append('"');
        }
        return json.append("]}").toString();
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
