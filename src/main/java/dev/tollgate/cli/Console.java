package dev.tollgate.cli;

import java.io.PrintWriter;
import java.util.Map;

/**
 * Where the CLI writes, and whether it may use colour there.
 *
 * @param out standard output
 * @param err standard error
 * @param env the process environment
 * @param terminal whether standard output is a terminal
 */
record Console(PrintWriter out, PrintWriter err, Map<String, String> env, boolean terminal) {

    /** Colour only on a terminal, never with NO_COLOR set (https://no-color.org) or when asked not to. */
    boolean colorAllowed(boolean noColorFlag) {
        String noColor = env.get("NO_COLOR");
        return terminal && !noColorFlag && (noColor == null || noColor.isEmpty());
    }
}
