package org.policykb.build;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** How long each stage of a build took, in order, for the build report and the benchmark profile. */
public final class StageTimes {
    /** One stage: its name and its wall time. */
    public record Stage(String name, Duration took) {
    }

    private final List<Stage> stages = new ArrayList<>();

    <T> T time(String name, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            stages.add(new Stage(name, Duration.ofNanos(System.nanoTime() - start)));
        }
    }

    <T> T timeIo(String name, IoWork<T> work) throws java.io.IOException {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            stages.add(new Stage(name, Duration.ofNanos(System.nanoTime() - start)));
        }
    }

    /** Work that may fail with an I/O error. */
    interface IoWork<T> {
        T get() throws java.io.IOException;
    }

    public List<Stage> stages() {
        return List.copyOf(stages);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Stage s : stages) {
            out.append(out.isEmpty() ? "" : ", ").append(s.name()).append(' ')
                    .append(String.format("%.2f s", s.took().toMillis() / 1000.0));
        }
        return out.toString();
    }
}
