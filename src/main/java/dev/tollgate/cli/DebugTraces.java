package dev.tollgate.cli;

import dev.tollgate.parse.InternalErrors;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Prints the stack traces of bugs caught while parsing to stderr, for {@code --debug}. Never to stdout, where a
 * report may be going, and never the exceptions' messages: a parser's exception can quote the text it choked on
 * ({@code For input string: "..."}), and that text can be a secret. Class names and frames are code, not input, and are
 * what a bug report needs. Thread-safe: one trace is printed whole before the next.
 */
final class DebugTraces implements InternalErrors {

    private final PrintWriter err;

    DebugTraces(PrintWriter err) {
        this.err = err;
    }

    /** The sink for {@code --debug}: this printer with it, nothing without. */
    static InternalErrors of(boolean debug, Console console) {
        return debug ? new DebugTraces(console.err()) : InternalErrors.ignore();
    }

    @Override
    public void caught(String where, Throwable error) {
        String trace = withoutMessages(error);
        synchronized (err) {
            err.println("tollgate: debug: internal error while reading " + where + " (exception messages left out: they"
                    + " may quote the input)");
            err.print(trace);
            err.flush();
        }
    }

    /** {@code error}'s stack trace as {@link Throwable#printStackTrace()} writes it, each message left out. */
    static String withoutMessages(Throwable error) {
        StringBuilder out = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        String prefix = "";
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            out.append(prefix).append(t.getClass().getName()).append(System.lineSeparator());
            for (StackTraceElement frame : t.getStackTrace()) {
                out.append("\tat ").append(frame).append(System.lineSeparator());
            }
            for (Throwable s : t.getSuppressed()) {
                out.append("\tSuppressed: ").append(s.getClass().getName()).append(System.lineSeparator());
            }
            prefix = "Caused by: ";
        }
        return out.toString();
    }
}
