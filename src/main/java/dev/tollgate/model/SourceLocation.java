package dev.tollgate.model;

import java.util.Objects;

/**
 * A position in a scanned file. Lines and columns are 1-based, as editors and SARIF count them.
 *
 * @param file the file's path relative to the scan root, with {@code /} separators
 * @param line 1-based line
 * @param column 1-based column
 */
public record SourceLocation(String file, int line, int column) implements Comparable<SourceLocation> {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, was " + line);
        }
        if (column < 1) {
            column = 1;
        }
    }

    /** The first line of a file: where whole-file findings are placed. */
    public static SourceLocation startOf(String file) {
        return new SourceLocation(file, 1, 1);
    }

    @Override
    public int compareTo(SourceLocation o) {
        // Locations of one file usually share the path's instance: spare comparing it character by character.
        int c = file == o.file ? 0 : file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
