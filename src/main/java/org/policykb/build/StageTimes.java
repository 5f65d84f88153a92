package org.policykb.build;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * How long each stage of a build took, in the order they started, for the build report and the benchmark profile.
 * Stages may run at the same time, on several threads (the indexes beside the render): their times then overlap.
 */
public final class StageTimes {
    /** One stage: its name and its wall time. */
    public record Stage(String name, Duration took) {
    }

    /** A stage and when it started, for the order. */
    private record Started(long start, Stage stage) {
    }

    private final List<Started> stages = java.util.Collections.synchronizedList(new ArrayList<>());

    <T> T time(String name, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            stages.add(new Started(start, new Stage(name, Duration.ofNanos(System.nanoTime() - start))));
        }
    }

    <T> T timeIo(String name, IoWork<T> work) throws java.io.IOException {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            stages.add(new Started(start, new Stage(name, Duration.ofNanos(System.nanoTime() - start))));
        }
    }

    /** Work that may fail with an I/O error. */
    interface IoWork<T> {
        T get() throws java.io.IOException;
    }

    public List<Stage> stages() {
        synchronized (stages) {
            return stages.stream().sorted(java.util.Comparator.comparingLong(Started::start)).map(Started::stage).toList();
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Stage s : stages()) {
            out.append(out.isEmpty() ? "" : ", ").append(s.name()).append(' ')
                    .append(String.format("%.2f s", s.took().toMillis() / 1000.0));
        }
        return out.toString();
    }
}
