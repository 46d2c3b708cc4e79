package dev.tollgate.policy;

/**
 * A policy file that does not load or compile, located like a compiler error: {@code policies/x.yaml:12:7: message}.
 *
 * @param file the policy file's display path
 * @param line 1-based line, or 0 when the whole file is concerned
 * @param column 1-based column, or 0 when unknown
 * @param message what is wrong
 */
public record PolicyError(String file, int line, int column, String message) {

    @Override
    public String toString() {
        if (line <= 0) {
            return file + ": " + message;
        }
        return file + ":" + line + ":" + Math.max(column, 1) + ": " + message;
    }
}
