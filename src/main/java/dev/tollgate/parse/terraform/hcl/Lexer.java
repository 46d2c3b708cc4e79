package dev.tollgate.parse.terraform.hcl;

import dev.tollgate.parse.terraform.hcl.Token.Kind;

/**
 * Scanner for HCL's normal mode, pulled one token at a time by {@link Parser}. It is deliberately not a
 * pre-tokenizer: strings and heredocs are scanned character by character by {@link TemplateParser}, which moves
 * {@link #position()} itself and comes back here for each {@code ${...}} / {@code %{...}}. That is how the
 * lexer "modes" of HCL (normal / quoted template / heredoc template) nest to any depth without a mode stack.
 *
 * <p>Comments are skipped. A {@code #} or {@code //} comment ends with its newline, which is still reported as a
 * {@link Kind#NEWLINE}, because newlines end attributes and blocks.
 */
final class Lexer {

    private final String src;
    /**
     * The same text as an array: the lexer and the template scanner read every character, and under the launcher's
     * C1-only JIT with small inlining limits each {@code String.charAt} stays a call (with its coder check and bounds
     * check); an array read does not. Shared with {@link TemplateParser}; dropped with the parser after the parse.
     */
    private final char[] cs;
    private final int len;
    private int pos;

    /** {@code chars} must be {@code src} as an array (the parser makes one for the line table and this). */
    Lexer(String src, char[] chars) {
        this.src = src;
        this.cs = chars;
        this.len = cs.length;
    }

    char[] chars() {
        return cs;
    }

    int position() {
        return pos;
    }

    void reset(int position) {
        this.pos = position;
    }

    String text(Token token) {
        return src.substring(token.start(), token.end());
    }

    Token next() {
        skipSpaceAndComments();
        int start = pos;
        if (pos >= len) {
            return new Token(Kind.EOF, start, start);
        }
        char c = cs[pos];
        if (c == '\n') {
            pos++;
            return new Token(Kind.NEWLINE, start, pos);
        }
        if (c == '#' || (c == '/' && peekChar(1) == '/')) {
            while (pos < len && cs[pos] != '\n') {
                pos++;
            }
            if (pos >= len) {
                return new Token(Kind.EOF, pos, pos);
            }
            pos++;
            return new Token(Kind.NEWLINE, pos - 1, pos);
        }
        if (c == '/' && peekChar(1) == '*') {
            // skipSpaceAndComments stops here only when the comment is never closed
            pos = len;
            return new Token(Kind.INVALID, start, pos);
        }
        if (isIdentStart(c)) {
            return identifier(start);
        }
        if (c >= '0' && c <= '9') {
            return number(start);
        }
        pos++;
        switch (c) {
            case '"': return token(Kind.OQUOTE, start);
            case '{': return token(Kind.LBRACE, start);
            case '}': return token(Kind.RBRACE, start);
            case '[': return token(Kind.LBRACK, start);
            case ']': return token(Kind.RBRACK, start);
            case '(': return token(Kind.LPAREN, start);
            case ')': return token(Kind.RPAREN, start);
            case ',': return token(Kind.COMMA, start);
            case '?': return token(Kind.QUESTION, start);
            case '*': return token(Kind.STAR, start);
            case '/': return token(Kind.SLASH, start);
            case '%': return token(Kind.PERCENT, start);
            case '+': return token(Kind.PLUS, start);
            case '-': return token(Kind.MINUS, start);
            case '.':
                if (peekChar(0) == '.' && peekChar(1) == '.') {
                    pos += 2;
                    return token(Kind.ELLIPSIS, start);
                }
                return token(Kind.DOT, start);
            case ':':
                return match(':') ? token(Kind.DOUBLE_COLON, start) : token(Kind.COLON, start);
            case '=':
                if (match('=')) {
                    return token(Kind.EQ, start);
                }
                return match('>') ? token(Kind.ARROW, start) : token(Kind.ASSIGN, start);
            case '!':
                return match('=') ? token(Kind.NE, start) : token(Kind.BANG, start);
            case '>':
                return match('=') ? token(Kind.GE, start) : token(Kind.GT, start);
            case '<':
                if (peekChar(0) == '<') {
                    return heredocStart(start);
                }
                return match('=') ? token(Kind.LE, start) : token(Kind.LT, start);
            case '&':
                return match('&') ? token(Kind.AND, start) : token(Kind.INVALID, start);
            case '|':
                return match('|') ? token(Kind.OR, start) : token(Kind.INVALID, start);
            case '~':
                return match('}') ? token(Kind.STRIP_RBRACE, start) : token(Kind.INVALID, start);
            default:
                if (Character.isHighSurrogate(c) && pos < len) {
                    pos++; // report a whole code point, never half of one
                }
                return token(Kind.INVALID, start);
        }
    }

    /**
     * After a {@code .}, HCL's legacy index {@code foo.0} must not be read as the number {@code 0.1} in
     * {@code foo.0.1}: scan digits only. Returns null (consuming nothing) when no digit follows.
     */
    Token legacyIndex() {
        int save = pos;
        skipSpaceAndComments();
        if (pos < len && cs[pos] >= '0' && cs[pos] <= '9') {
            int start = pos;
            while (pos < len && cs[pos] >= '0' && cs[pos] <= '9') {
                pos++;
            }
            return new Token(Kind.NUMBER, start, pos);
        }
        pos = save;
        return null;
    }

    private Token token(Kind kind, int start) {
        return new Token(kind, start, pos);
    }

    private boolean match(char expected) {
        if (pos < len && cs[pos] == expected) {
            pos++;
            return true;
        }
        return false;
    }

    private char peekChar(int ahead) {
        int i = pos + ahead;
        return i < len ? cs[i] : '\0';
    }

    private void skipSpaceAndComments() {
        while (pos < len) {
            char c = cs[pos];
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '/' && peekChar(1) == '*') {
                int close = src.indexOf("*/", pos + 2);
                if (close < 0) {
                    return; // reported as INVALID by next()
                }
                pos = close + 2;
            } else {
                return;
            }
        }
    }

    private Token identifier(int start) {
        pos++;
        while (pos < len && isIdentPart(cs[pos])) {
            pos++;
        }
        return new Token(Kind.IDENT, start, pos);
    }

    /** {@code digits ("." digits)? ([eE] [+-]? digits)?}; the fraction and exponent need a digit after them. */
    private Token number(int start) {
        skipDigits();
        if (peekChar(0) == '.' && isDigit(peekChar(1))) {
            pos++;
            skipDigits();
        }
        char e = peekChar(0);
        if (e == 'e' || e == 'E') {
            char sign = peekChar(1);
            if (isDigit(sign)) {
                pos++;
                skipDigits();
            } else if ((sign == '+' || sign == '-') && isDigit(peekChar(2))) {
                pos += 2;
                skipDigits();
            }
        }
        return new Token(Kind.NUMBER, start, pos);
    }

    /** {@code <<ID} or {@code <<-ID} followed by a newline; anything else is an invalid token. */
    private Token heredocStart(int start) {
        pos++; // second '<'
        match('-');
        if (pos >= len || !isIdentStart(cs[pos])) {
            return token(Kind.INVALID, start);
        }
        identifier(pos);
        if (match('\n')) {
            return token(Kind.HEREDOC, start);
        }
        if (peekChar(0) == '\r' && peekChar(1) == '\n') {
            pos += 2;
            return token(Kind.HEREDOC, start);
        }
        return token(Kind.INVALID, start);
    }

    private void skipDigits() {
        while (pos < len && isDigit(cs[pos])) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentStart(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        }
        return Character.isUnicodeIdentifierStart(c);
    }

    static boolean isIdentPart(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        }
        return Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c);
    }
}
