package dev.tollgate.parse.yaml;

import org.yaml.snakeyaml.error.Mark;

/**
 * Stops converting a document that breaks one of our own limits or rules; {@link YamlLoader} turns it into a problem.
 */
final class YamlLimitExceeded extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Mark mark;

    YamlLimitExceeded(Mark mark, String message) {
        // No stack trace: this is expected control flow for hostile input, never shown to users.
        super(message, null, false, false);
        this.mark = mark;
    }

    Mark mark() {
        return mark;
    }
}
