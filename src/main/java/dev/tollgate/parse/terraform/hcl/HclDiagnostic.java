package dev.tollgate.parse.terraform.hcl;

/** A syntax error at a place in the source. */
public record HclDiagnostic(String message, SourceRange range) {

    public int line() {
        return range.startLine();
    }

    public int column() {
        return range.startColumn();
    }

    @Override
    public String toString() {
        return range.source().fileName() + ":" + line() + ":" + column() + ": " + message;
    }
}
