package org.policykb.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Chinese provinces and prefecture-level cities, to tell which place a document speaks of most. */
public final class Gazetteer {
    private final List<String> places;

    private Gazetteer(List<String> places) {
        this.places = places.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static Gazetteer load() {
        try (InputStream in = Gazetteer.class.getResourceAsStream("places.txt")) {
            if (in == null) {
                throw new IllegalStateException("places.txt is missing from the class path");
            }
            List<String> names = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    String name = line.strip();
                    if (!name.isEmpty() && !name.startsWith("#")) {
                        names.add(name);
                    }
                }
            }
            return new Gazetteer(names);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the list of places", e);
        }
    }

    /** The place named most often in the text (ties: the one named first), if any is named at least twice. */
    public Optional<String> mostMentioned(String text) {
        String best = null;
        int bestCount = 1;
        int bestFirst = Integer.MAX_VALUE;
        for (String place : places) {
            int count = 0;
            int first = -1;
            for (int i = text.indexOf(place); i >= 0; i = text.indexOf(place, i + place.length())) {
                if (first < 0) {
                    first = i;
                }
                count++;
            }
            if (count > bestCount || count == bestCount && count > 1 && first < bestFirst) {
                best = place;
                bestCount = count;
                bestFirst = first;
            }
        }
        return Optional.ofNullable(best);
    }
}
