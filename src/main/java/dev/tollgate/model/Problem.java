package dev.tollgate.model;

import java.util.Objects;

/**
 * A file, or part of one, that Tollgate could not understand or chose not to read.
 * Problems never stop a scan; every report lists them.
 *
 * @param file path relative to the scan root ({@code /} separators)
 * @param line 1-based line; a problem about the whole file (unreadable, binary, too large) is placed on its first
 *     line, where editors and GitHub's annotations open it; a line below 1 is read as 1
 * @param column 1-based column, or 0 when unknown
 * @param kind what sort of problem it is
 * @param message a sentence for humans; never contains a secret value
 */
public record Problem(String file, int line, int column, Kind kind, String message) implements Comparable<Problem> {

    /** What sort of problem; reports group by it. */
    public enum Kind {
        /** The file could not be parsed (syntax error, alias bomb, bad encoding...). */
        PARSE_ERROR,
        /** The file could not be read (permissions, vanished, symlink loop). */
        UNREADABLE,
        /** The file was deliberately skipped (too large, binary). */
        SKIPPED,
        /** The file's format is recognised but not scanned yet. */
        NOT_SCANNED,
        /** A policy failed to evaluate on a resource. */
        POLICY_ERROR,
        /** A suppression that is not valid: no reason, a bad date, or forbidden by the configuration. */
        SUPPRESSION
    }

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        line = Math.max(1, line); // never without a line: whatever concerns the whole file starts at its first
        column = Math.max(0, column);
    }

    /**
     * A problem with the whole file: at its line 1, column unknown. Reports never leave a problem without a line: a
     * user (or a checker reading the JSON) goes to {@code file:1}, and SARIF results get a region GitHub can show.
     */
    public static Problem wholeFile(String file, Kind kind, String message) {
        return new Problem(file, 1, 0, kind, message);
    }

    public static Problem at(SourceLocation where, Kind kind, String message) {
        return new Problem(where.file(), where.line(), where.column(), kind, message);
    }

    /** {@code file:line:col}, the column where known, for messages. */
    public String where() {
        return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }

    @Override
    public int compareTo(Problem o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(column, o.column);
        return c != 0 ? c : message.compareTo(o.message);
    }

    @Override
    public String toString() {
        return where() + ": " + message;
    }
}
