package org.policykb.build;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What a build reads and writes. {@code generatedOn} is passed in (not read from the clock deep inside) so that
 * two builds of the same input on the same day produce the same bytes. {@code clean} rebuilds everything from
 * scratch (the search index included) instead of reusing what earlier builds kept. {@code baseUrl} is the public
 * address of the site root, when known: an absolute http(s) URL.
 */
public record BuildSettings(Path content, Path out, Path templates, boolean strict, LocalDate generatedOn, boolean clean,
                            Optional<String> baseUrl) {
    public BuildSettings(Path content, Path out, Path templates, boolean strict, LocalDate generatedOn) {
        this(content, out, templates, strict, generatedOn, false);
    }

    public BuildSettings(Path content, Path out, Path templates, boolean strict, LocalDate generatedOn, boolean clean) {
        this(content, out, templates, strict, generatedOn, clean, Optional.empty());
    }

    public BuildSettings {
        content = content.toAbsolutePath().normalize();
        out = out.toAbsolutePath().normalize();
        templates = templates.toAbsolutePath().normalize();
        baseUrl.ifPresent(BuildSettings::checkBaseUrl);
    }

    private static void checkBaseUrl(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("The base URL must be an absolute http or https address of the"
                        + " site root, like https://example.gov.cn/kb/ (no query or #): " + url);
            }
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("The base URL is not a URL: " + url + " (" + e.getReason() + ")");
        }
    }
}
