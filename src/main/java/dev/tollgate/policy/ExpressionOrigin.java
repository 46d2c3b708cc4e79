package dev.tollgate.policy;

/**
 * Where an embedded expression (a CEL condition) starts in its policy file, so that a CEL error at the
 * expression's own line:column can be reported at the policy file's line:column.
 *
 * @param file the policy file's display path
 * @param line the file line of the expression's first line
 * @param column the file column of the expression's first character
 * @param block true for a YAML block scalar ({@code |}), whose every line is indented by {@code column - 1}
 */
public record ExpressionOrigin(String file, int line, int column, boolean block) {

    /** Maps a 1-based line and 0-based column inside the expression to a {@link PolicyError}. */
    public PolicyError error(int exprLine, int exprColumn, String message) {
        int l = line + Math.max(exprLine, 1) - 1;
        int c = (exprLine <= 1 || block) ? column + Math.max(exprColumn, 0) : Math.max(exprColumn, 0) + 1;
        return new PolicyError(file, l, c, message);
    }

    public PolicyError error(String message) {
        return new PolicyError(file, line, column, message);
    }
}
