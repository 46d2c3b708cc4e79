package dev.tollgate.parse.yaml.fast;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Literal ({@code |}) and folded ({@code >}) block scalars, with {@code -} or {@code +} chomping: a line-for-line port
 * of SnakeYAML's {@code scanBlockScalar}, {@code scanBlockScalarIndentation} and {@code scanBlockScalarBreaks}, so the
 * value, the folding and the end mark come out as SnakeYAML makes them (its folding differs from the YAML spec's in
 * places, which is why this copies SnakeYAML rather than the spec). An explicit indentation indicator ({@code |2}) is
 * not ours: SnakeYAML counts it from the enclosing indentation, a rule we would rather not re-derive.
 */
final class BlockScalarReader {

    private enum Chomping { CLIP, STRIP, KEEP }

    private final YamlCursor in;
    private final NodeFactory nodes;

    BlockScalarReader(YamlCursor in, NodeFactory nodes) {
        this.in = in;
        this.nodes = nodes;
    }

    /**
     * The block scalar whose indicator is at the cursor, inside a block collection indented {@code parentIndent}
     * (SnakeYAML's {@code this.indent}). The cursor ends where SnakeYAML's reader does: on the first character of the
     * line that ends the scalar, or at the end of the text.
     */
    ScalarNode read(int parentIndent, Mark anchorMark) {
        boolean folded = in.peek() == '>';
        Mark start = in.mark();
        in.pos++;
        Chomping chomping = Chomping.CLIP;
        if (in.peek() == '-') {
            chomping = Chomping.STRIP;
            in.pos++;
        } else if (in.peek() == '+') {
            chomping = Chomping.KEEP;
            in.pos++;
        }
        char c = in.peek();
        if (c != ' ' && c != '\n' && c != '\0') {
            throw new NotMine("a block scalar header we do not read");
        }
        in.skipSpaces();
        if (in.peek() != '#' && in.peek() != '\n' && !in.atEnd()) {
            throw new NotMine("text after a block scalar header");
        }
        in.finishLine();

        int minIndent = Math.max(parentIndent + 1, 1);
        // scanBlockScalarIndentation: leading empty lines, and the deepest indentation among them and the first line.
        StringBuilder breaks = new StringBuilder();
        int maxIndent = 0;
        Mark endMark = in.mark();
        while (true) {
            c = in.peek();
            if (c == '\n') {
                breaks.append('\n');
                in.newline();
                endMark = in.mark();
            } else if (c == ' ') {
                in.pos++;
                maxIndent = Math.max(maxIndent, in.column());
            } else {
                break;
            }
        }
        int indent = Math.max(minIndent, maxIndent);

        StringBuilder chunks = new StringBuilder();
        String lineBreak = "";
        while (in.column() == indent && !in.atEnd()) {
            chunks.append(breaks);
            boolean leadingNonSpace = in.peek() != ' ';
            int lineEnd = in.lineEnd(in.pos);
            chunks.append(in.text, in.pos, lineEnd);
            in.pos = lineEnd;
            if (in.peek() == '\n') {
                in.newline();
                lineBreak = "\n";
            } else {
                lineBreak = "";
            }
            // scanBlockScalarBreaks
            breaks = new StringBuilder();
            endMark = in.mark();
            skipIndentation(indent);
            while (in.peek() == '\n') {
                breaks.append('\n');
                in.newline();
                endMark = in.mark();
                skipIndentation(indent);
            }
            if (in.column() == indent && !in.atEnd()) {
                if (folded && "\n".equals(lineBreak) && leadingNonSpace && in.peek() != ' ') {
                    if (breaks.length() == 0) {
                        chunks.append(' ');
                    }
                } else {
                    chunks.append(lineBreak);
                }
            } else {
                break;
            }
        }
        if (chomping != Chomping.STRIP) {
            chunks.append(lineBreak);
        }
        if (chomping == Chomping.KEEP) {
            chunks.append(breaks);
        }
        return nodes.styled(chunks.toString(), anchorMark != null ? anchorMark : start, endMark,
                folded ? DumperOptions.ScalarStyle.FOLDED : DumperOptions.ScalarStyle.LITERAL);
    }

    /** Up to {@code indent} columns of spaces at the start of a line. */
    private void skipIndentation(int indent) {
        while (in.column() < indent && in.peek() == ' ') {
            in.pos++;
        }
    }
}
