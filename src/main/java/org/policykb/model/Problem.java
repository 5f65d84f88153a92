package org.policykb.model;

/**
 * Something in the content that could not be read as intended. Problems are data: the build collects them
 * into its report and goes on with everything else. {@code line} is 0 when the problem concerns a whole file.
 */
public record Problem(Severity severity, String file, int line, String message) {
    public enum Severity { WARNING, ERROR }

    public Problem {
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }

    public static Problem error(String file, int line, String message) {
        return new Problem(Severity.ERROR, file, line, message);
    }

    public static Problem warning(String file, int line, String message) {
        return new Problem(Severity.WARNING, file, line, message);
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
