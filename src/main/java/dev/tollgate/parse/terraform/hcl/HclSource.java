package dev.tollgate.parse.terraform.hcl;

import java.util.Arrays;

/**
 * The text of one HCL file plus a table of line starts, so that any char offset can be turned into a 1-based
 * line and column in O(log lines). Nodes keep only offsets into this text; their raw source is sliced on demand.
 *
 * <p>Identity, not content, is equality: every range of one parse shares the same instance.
 */
public final class HclSource {

    private final String fileName;
    private final String text;
    private final int[] lineStarts;
    /**
     * UTF-8 byte offset of each line start, for {@link #byteOffset(int)}; built on first use, since only tools that
     * compare with HashiCorp's ranges ask for bytes and counting them cost a fifth of building this object.
     */
    private volatile int[] lineStartBytes;
    /** Whether any UTF-16 surrogate occurs; if not, a column is simply an offset difference. */
    private final boolean hasSurrogates;

    /** {@code chars} is {@code text} as an array, which the parser reads too (see {@link Lexer}); not kept. */
    HclSource(String fileName, String text, char[] chars) {
        this.fileName = fileName;
        this.text = text;
        int[] starts = new int[64];
        int count = 1;
        boolean surrogates = false;
        char[] cs = chars; // array reads, not a charAt call per character under C1
        for (int i = 0; i < cs.length; i++) {
            char c = cs[i];
            if (c == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            } else if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                surrogates = true;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
        this.hasSurrogates = surrogates;
    }

    private int[] lineStartBytes() {
        int[] startBytes = lineStartBytes;
        if (startBytes == null) {
            startBytes = new int[lineStarts.length];
            int bytes = 0;
            int line = 1;
            for (int i = 0; i < text.length() && line < lineStarts.length; i++) {
                char c = text.charAt(i);
                bytes += utf8Length(c);
                if (c == '\n') {
                    startBytes[line++] = bytes;
                }
            }
            lineStartBytes = startBytes;
        }
        return startBytes;
    }

    public String fileName() {
        return fileName;
    }

    public String text() {
        return text;
    }

    /** 1-based line of a char offset. */
    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** 1-based column of a char offset, counted in code points (a surrogate pair is one column). */
    public int column(int offset) {
        return column(offset, line(offset));
    }

    /** {@link #column(int)} when the caller knows the offset's {@code line} already: one line search, not two. */
    public int column(int offset, int line) {
        int lineStart = lineStarts[line - 1];
        if (!hasSurrogates) {
            return offset - lineStart + 1;
        }
        return text.codePointCount(lineStart, Math.min(offset, text.length())) + 1;
    }

    /** UTF-8 byte offset of a char offset (what HashiCorp's tools call "byte"); O(log lines + line length). */
    public int byteOffset(int offset) {
        int line = line(offset) - 1;
        int bytes = lineStartBytes()[line];
        for (int i = lineStarts[line]; i < offset; i++) {
            bytes += utf8Length(text.charAt(i));
        }
        return bytes;
    }

    /** Bytes that a UTF-16 unit contributes to UTF-8: a surrogate pair is 4 bytes, so 2 per half. */
    private static int utf8Length(char c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800 || Character.isSurrogate(c)) {
            return 2;
        }
        return 3;
    }

    public SourceRange range(int start, int end) {
        return new SourceRange(this, start, end);
    }

    @Override
    public String toString() {
        return "HclSource[" + fileName + ", " + text.length() + " chars]";
    }
}
