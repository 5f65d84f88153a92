package org.policykb.render;

/** A link as a template shows it: an already relative, encoded href and the text to show. */
public record Link(String href, String label) {
}
