package org.policykb.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The folders every command that builds a site takes: content in, site out, and the theme. A picocli mixin. */
final class SiteFolders {
    @Option(names = "--content", defaultValue = "content", description = "Folder of source documents (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--out", defaultValue = "site", description = "Folder the site is written to (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--templates", description = "Folder of FreeMarker templates (default: the templates/ folder of PolicyKB).")
    Path templates;

    /** The theme to use: --templates, else the templates/ folder beside the launcher. */
    Path templates() {
        return templates != null ? templates : Path.of(System.getProperty("policykb.home", ".")).resolve("templates");
    }
}
