package dev.tollgate.parse.terraform.hcl;

/**
 * A half-open span {@code [startOffset, endOffset)} of an {@link HclSource}. Offsets are char indices into the
 * Java string, which is what makes {@link #text()} a plain substring; {@link #startByte()} and {@link #endByte()}
 * give the UTF-8 byte offsets instead. Lines and columns are
 * 1-based; the end column points one past the last character, like HashiCorp's ranges.
 */
public record SourceRange(HclSource source, int startOffset, int endOffset) {

    public SourceRange {
        if (startOffset < 0 || endOffset < startOffset || endOffset > source.text().length()) {
            throw new IllegalArgumentException("bad range " + startOffset + ".." + endOffset);
        }
    }

    public int startLine() {
        return source.line(startOffset);
    }

    public int startColumn() {
        return source.column(startOffset);
    }

    public int endLine() {
        return source.line(endOffset);
    }

    public int endColumn() {
        return source.column(endOffset);
    }

    /** UTF-8 byte offset of the start, as in HashiCorp's ranges. */
    public int startByte() {
        return source.byteOffset(startOffset);
    }

    /** UTF-8 byte offset of the end (exclusive). */
    public int endByte() {
        return source.byteOffset(endOffset);
    }

    /** The raw source text of this span, exactly as written. */
    public String text() {
        return source.text().substring(startOffset, endOffset);
    }

    /** The smallest range covering this one and {@code other} (which must be of the same source). */
    public SourceRange to(SourceRange other) {
        return new SourceRange(source, Math.min(startOffset, other.startOffset), Math.max(endOffset, other.endOffset));
    }

    @Override
    public String toString() {
        return source.fileName() + ":" + startLine() + ":" + startColumn() + "-" + endLine() + ":" + endColumn();
    }
}
