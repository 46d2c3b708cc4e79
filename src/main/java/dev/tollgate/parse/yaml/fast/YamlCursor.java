package dev.tollgate.parse.yaml.fast;

import org.yaml.snakeyaml.error.Mark;

/**
 * A position in the text with SnakeYAML's line and column, and the moves every reader of the fast path shares.
 *
 * <p>Why index, line and column can be counted this simply: {@link FastComposer} takes only texts whose line breaks are
 * all {@code \n} and that hold no tab, no byte-order mark and no character outside the Basic Multilingual Plane, so a
 * char index is SnakeYAML's code-point index and a column is the distance from the line's start.
 */
final class YamlCursor {

    /** The name SnakeYAML's {@code StreamReader(String)} gives its marks. */
    private static final String NAME = "'string'";
    /** Marks carry the reader's buffer only to print snippets in error messages; a fast-path text has no error. */
    private static final int[] NO_SNIPPET = new int[0];

    final String text;
    /**
     * The text's characters: SnakeYAML-speed reading is character by character, and with the C1-only JIT flags of
     * bin/tollgate an array load is several times cheaper than {@code String.charAt} (measured: charAt was the top
     * frame of the fast path's profile). Values are still cut from {@link #text}, whose substrings stay compact.
     */
    final char[] chars;
    final int end;
    int pos;
    private int line;
    private int lineStart;

    YamlCursor(String text) {
        this.text = text;
        this.chars = text.toCharArray();
        this.end = chars.length;
    }

    /** The character at the cursor, or {@code \0} at the end of the text (as SnakeYAML's reader answers). */
    char peek() {
        return pos < end ? chars[pos] : '\0';
    }

    char peek(int ahead) {
        int p = pos + ahead;
        return p < end ? chars[p] : '\0';
    }

    boolean atEnd() {
        return pos >= end;
    }

    int column() {
        return pos - lineStart;
    }

    Mark mark() {
        return new Mark(NAME, pos, line, pos - lineStart, NO_SNIPPET, 0);
    }

    /** The mark of {@code p}, which must be on the cursor's line. */
    Mark markAt(int p) {
        return new Mark(NAME, p, line, p - lineStart, NO_SNIPPET, 0);
    }

    /** Space, line break or end of text: SnakeYAML's NULL_BL_T_LINEBR for texts without tabs or other breaks. */
    static boolean blank(char c) {
        return c == ' ' || c == '\n' || c == '\0';
    }

    void skipSpaces() {
        while (pos < end && chars[pos] == ' ') {
            pos++;
        }
    }

    /** Steps over the {@code \n} at the cursor. */
    void newline() {
        pos++;
        line++;
        lineStart = pos;
    }

    /**
     * Finishes a line after a value: spaces, an optional comment (which must follow a space, or SnakeYAML's reading and
     * the YAML spec's part ways), then the line break or the end of the text. Anything else is not ours.
     */
    void endOfLine() {
        int before = pos;
        skipSpaces();
        if (peek() == '#') {
            if (pos == before) {
                throw new NotMine("comment without a space before it");
            }
            skipComment();
        }
        if (pos < end) {
            if (chars[pos] != '\n') {
                throw new NotMine("text after a value");
            }
            newline();
        }
    }

    /**
     * As SnakeYAML's {@code scanToNextToken}, from the start of a line: skips spaces, comment lines and blank lines,
     * and stops at the first character of the next token (or the end of the text). A block collection ends here, so
     * this is also where its end mark is taken.
     */
    void toNextToken() {
        while (true) {
            skipSpaces();
            if (pos >= end) {
                return;
            }
            char c = chars[pos];
            if (c == '#') {
                skipComment();
                if (pos >= end) {
                    return;
                }
                c = chars[pos];
            }
            if (c != '\n') {
                return;
            }
            newline();
        }
    }

    /** At a comment, a line break or the end of the text: steps past the comment and the line break. */
    void finishLine() {
        if (peek() == '#') {
            skipComment();
        }
        if (pos < end) {
            newline(); // skipComment stops only at a line break or the end
        }
    }

    private void skipComment() {
        pos = lineEnd(pos);
    }

    /** The index of the line break at or after {@code p}, or the end of the text. */
    int lineEnd(int p) {
        while (p < end && chars[p] != '\n') {
            p++;
        }
        return p;
    }

    /** A {@code ---} or {@code ...} marker at the cursor, at the start of a line and followed by a blank. */
    boolean atDocumentMarker(char c) {
        return pos == lineStart && pos + 2 < end && chars[pos] == c && chars[pos + 1] == c
                && chars[pos + 2] == c && blank(peek(3));
    }

    boolean atAnyDocumentMarker() {
        return atDocumentMarker('-') || atDocumentMarker('.');
    }

    /** A block sequence entry: {@code -} followed by a blank. */
    boolean atBlockEntry() {
        return peek() == '-' && blank(peek(1));
    }
}
