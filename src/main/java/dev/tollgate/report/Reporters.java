package dev.tollgate.report;

import java.util.List;

/** The entry point of reporting: the reporter for a format name. (Skeleton: filled in by the reporters work.) */
public final class Reporters {

    /** Format names accepted by {@code --format}. */
    public static final List<String> FORMATS = List.of("text", "json", "sarif");

    private Reporters() {
    }

    /**
     * The reporter for {@code format}.
     *
     * @param color whether the text format may use ANSI colour (only on a terminal, and never with NO_COLOR)
     * @throws IllegalArgumentException for an unknown format
     */
    public static Reporter forFormat(String format, boolean color) {
        throw new IllegalArgumentException("unknown format '" + format + "' (expected one of " + String.join(", ", FORMATS) + ")");
    }
}
