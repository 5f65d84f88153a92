package org.policykb.render;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a render needs besides the knowledge base. {@code generatedOn} is passed in, never read from the clock,
 * so two renders of the same content are byte for byte the same.
 *
 * @param baseUrl the public address of the site root (e.g. {@code https://example.org/kb/}), used only for the
 *                absolute addresses sitemap.xml requires; when empty the sitemap lists site-relative paths
 */
public record RenderContext(LocalDate generatedOn, String siteTitle, Optional<String> baseUrl) {
    public RenderContext {
        Objects.requireNonNull(generatedOn, "generatedOn");
        if (siteTitle == null || siteTitle.isBlank()) {
            throw new IllegalArgumentException("A site needs a title");
        }
        baseUrl = baseUrl.map(url -> url.endsWith("/") ? url : url + "/");
    }

    public RenderContext(LocalDate generatedOn, String siteTitle) {
        this(generatedOn, siteTitle, Optional.empty());
    }
}
