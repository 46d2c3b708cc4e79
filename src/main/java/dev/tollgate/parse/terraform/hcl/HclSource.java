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
    /** Whether any UTF-16 surrogate occurs; if not, a column is simply an offset difference. */
    private final boolean hasSurrogates;

    HclSource(String fileName, String text) {
        this.fileName = fileName;
        this.text = text;
        int[] starts = new int[64];
        int count = 1;
        boolean surrogates = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            } else if (Character.isSurrogate(c)) {
                surrogates = true;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
        this.hasSurrogates = surrogates;
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
        int lineStart = lineStarts[line(offset) - 1];
        if (!hasSurrogates) {
            return offset - lineStart + 1;
        }
        return text.codePointCount(lineStart, Math.min(offset, text.length())) + 1;
    }

    public SourceRange range(int start, int end) {
        return new SourceRange(this, start, end);
    }

    @Override
    public String toString() {
        return "HclSource[" + fileName + ", " + text.length() + " chars]";
    }
}
