package dev.tollgate.parse.yaml;

import dev.tollgate.model.SourceLocation;
import java.util.Arrays;
import org.yaml.snakeyaml.error.Mark;

/**
 * Lines and columns as editors and GitHub count them: only {@code \n}, {@code \r\n} and a lone {@code \r} end a line.
 *
 * <p>Why: SnakeYAML, like libyaml, also breaks lines at NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR
 * (U+2029), so in a file holding one of them (pasted text, a mis-decoded ellipsis) every location after it was a line
 * too far down, and findings landed on the wrong line in SARIF. A {@link Mark} also carries its code-point index,
 * from which this recomputes the line. Files without those characters (nearly all) keep SnakeYAML's own numbers.
 */
final class LineMap {

    /** Code-point index where each line starts, or null when SnakeYAML's count is already right. */
    private final int[] lineStarts;
    private final String text;

    private LineMap(int[] lineStarts, String text) {
        this.lineStarts = lineStarts;
        this.text = text;
    }

    static LineMap of(String text) {
        if (text.indexOf('\u0085') < 0 && text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0) {
            return new LineMap(null, text);
        }
        int[] starts = new int[16];
        int lines = 1;
        int cp = 0;
        for (int i = 0; i < text.length(); cp++) {
            char c = text.charAt(i);
            i += Character.charCount(text.codePointAt(i));
            boolean crlf = c == '\r' && i < text.length() && text.charAt(i) == '\n';
            if (c == '\n' || c == '\r' && !crlf) {
                if (lines == starts.length) {
                    starts = Arrays.copyOf(starts, lines * 2);
                }
                starts[lines++] = cp + 1;
            }
        }
        return new LineMap(Arrays.copyOf(starts, lines), text);
    }

    /** The 1-based location of {@code mark} in {@code file}. */
    SourceLocation at(String file, Mark mark) {
        return new SourceLocation(file, line(mark), column(mark));
    }

    /**
     * As {@link #at}, for a problem: a mark at the end of the stream after a final line break (SnakeYAML's "but got
     * stream end") sits on a line the file does not have, which editors and GitHub do not show; it is placed at the
     * end of the file's last line instead.
     */
    SourceLocation problemAt(String file, Mark mark) {
        int line = line(mark);
        int breaks = 0;
        int lastLineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n')
                    || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                breaks++;
                lastLineStart = i + 1;
            }
        }
        if (breaks == 0 || lastLineStart < text.length() || line <= breaks) {
            return at(file, mark); // the mark is on a line the file has
        }
        int end = lastLineStart - 1; // the final line break, or the \r of a final \r\n
        if (end > 0 && text.charAt(end) == '\n' && text.charAt(end - 1) == '\r') {
            end--;
        }
        int start = end;
        while (start > 0 && "\n\r\u0085\u2028\u2029".indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        return new SourceLocation(file, breaks, end - start + 1);
    }

    int line(Mark mark) {
        if (lineStarts == null) {
            return mark.getLine() + 1;
        }
        int i = Arrays.binarySearch(lineStarts, mark.getIndex());
        return i >= 0 ? i + 1 : -i - 1;
    }

    int column(Mark mark) {
        if (lineStarts == null) {
            return mark.getColumn() + 1;
        }
        return mark.getIndex() - lineStarts[line(mark) - 1] + 1;
    }
}
