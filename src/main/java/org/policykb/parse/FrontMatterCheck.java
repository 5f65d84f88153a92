package org.policykb.parse;

import org.policykb.model.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.io.StringReader;
import java.util.Optional;

/**
 * Checks a Markdown file's front matter with a real YAML parser, so that broken front matter is reported with
 * its line instead of being half-read. Only the node tree is composed: no object is ever constructed from the
 * YAML, so tags such as {@code !!javax.script.ScriptEngineManager} cannot do anything.
 */
final class FrontMatterCheck {
    /** Front matter is small; anything larger is not front matter worth expanding (billion-laughs aliases). */
    private static final int MAX_ALIASES = 20;

    private FrontMatterCheck() {
    }

    /**
     * @param block the whole front matter block as written, from the opening {@code ---} line (line 1 of the
     *              file) to the closing one
     */
    static Optional<Problem> problem(String file, String block) {
        String yaml = inner(block);
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowDuplicateKeys(false);
        try {
            Node root = new Yaml(options).compose(new StringReader(yaml));
            if (root != null && !(root instanceof MappingNode)) {
                return Optional.of(Problem.warning(file, 2, "front matter is not a list of key: value lines, so it was ignored"));
            }
            return Optional.empty();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 1 : mark.getLine() + 2; // +1 for 0-based, +1 for the opening ---
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            return Optional.of(Problem.warning(file, line, "malformed front matter (" + what.strip() + "), so it was ignored"));
        } catch (YAMLException e) {
            return Optional.of(Problem.warning(file, 1, "malformed front matter (" + e.getMessage() + "), so it was ignored"));
        }
    }

    /** The YAML between the opening and the closing {@code ---} lines. */
    private static String inner(String block) {
        int firstBreak = block.indexOf('\n');
        String rest = firstBreak < 0 ? "" : block.substring(firstBreak + 1);
        int close = Math.max(rest.lastIndexOf("\n---"), rest.lastIndexOf("\n..."));
        if (rest.startsWith("---") || rest.startsWith("...")) {
            return "";
        }
        return close >= 0 ? rest.substring(0, close + 1) : rest;
    }
}
