package org.policykb.build;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What a build reads and writes. {@code generatedOn} is passed in (not read from the clock deep inside) so that
 * two builds of the same input on the same day produce the same bytes. {@code clean} rebuilds everything from
 * scratch (the search index included) instead of reusing what earlier builds kept.
 */
public record BuildSettings(Path content, Path out, Path templates, boolean strict, LocalDate generatedOn, boolean clean) {
    public BuildSettings(Path content, Path out, Path templates, boolean strict, LocalDate generatedOn) {
        this(content, out, templates, strict, generatedOn, false);
    }

    public BuildSettings {
        content = content.toAbsolutePath().normalize();
        out = out.toAbsolutePath().normalize();
        templates = templates.toAbsolutePath().normalize();
    }
}
