package dev.tollgate.parse.terraform.hcl;

/** A token of HCL's normal (expression and body) mode: a kind and a char span of the source. */
record Token(Kind kind, int start, int end) {

    enum Kind {
        IDENT, NUMBER,
        /** An opening {@code "}: the parser switches to template mode right after it. */
        OQUOTE,
        /** {@code <<EOT} or {@code <<-EOT} and its newline: the parser switches to heredoc mode after it. */
        HEREDOC,
        NEWLINE, EOF,
        LBRACE, RBRACE, LBRACK, RBRACK, LPAREN, RPAREN,
        COMMA, DOT, ELLIPSIS, COLON, DOUBLE_COLON, QUESTION, ASSIGN, ARROW,
        /** {@code ~}} closing a template interpolation or directive with a strip marker. */
        STRIP_RBRACE,
        STAR, SLASH, PERCENT, PLUS, MINUS, BANG,
        EQ, NE, LT, GT, LE, GE, AND, OR,
        /** Something that is no token at all; the parser reports it. */
        INVALID
    }
}
