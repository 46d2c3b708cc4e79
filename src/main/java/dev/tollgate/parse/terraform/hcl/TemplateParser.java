package dev.tollgate.parse.terraform.hcl;

import dev.tollgate.parse.terraform.hcl.Expression.Template;
import dev.tollgate.parse.terraform.hcl.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Template mode: the inside of a quoted string or a heredoc, scanned character by character. Each
 * {@code ${...}} / {@code %{...}} hands the lexer position to {@link Parser} for one expression and takes it back
 * after the closing brace, so braces inside nested strings ({@code "${jsonencode({a="}"})}"}) never confuse us.
 *
 * <p>Works in two steps, like hclsyntax: first a flat list of pieces (literal runs, interpolations, directive
 * tags) on which strip markers and heredoc dedent operate, then a tree where {@code %{if}}/{@code %{for}} own
 * their contents. In a heredoc a literal run never crosses a line end, because dedent works line by line.
 */
final class TemplateParser {

    private final Parser parser;
    private final Lexer lexer;
    private final HclSource source;
    private final String src;
    /** {@link #src} as the lexer's array: character reads without a call each (see {@link Lexer}). */
    private final char[] cs;

    TemplateParser(Parser parser, Lexer lexer, HclSource source) {
        this.parser = parser;
        this.lexer = lexer;
        this.source = source;
        this.src = source.text();
        this.cs = lexer.chars();
    }

    private enum DirectiveKind { IF, ELSE, ENDIF, FOR, ENDFOR }

    /** A flat piece before tree building. Literal values are mutable: strip markers and dedent edit them. */
    private abstract static class Piece {
        final int start;
        final int end;

        Piece(int start, int end) {
            this.start = start;
            this.end = end;
        }
    }

    private static final class Lit extends Piece {
        String value;

        Lit(String value, int start, int end) {
            super(start, end);
            this.value = value;
        }
    }

    private static final class Interp extends Piece {
        final Expression expr;
        final boolean stripBefore;
        final boolean stripAfter;

        Interp(Expression expr, boolean stripBefore, boolean stripAfter, int start, int end) {
            super(start, end);
            this.expr = expr;
            this.stripBefore = stripBefore;
            this.stripAfter = stripAfter;
        }
    }

    private static final class Directive extends Piece {
        final DirectiveKind kind;
        final Expression expr;
        final String keyVar;
        final String valueVar;

        Directive(DirectiveKind kind, Expression expr, String keyVar, String valueVar, int start, int end) {
            super(start, end);
            this.kind = kind;
            this.expr = expr;
            this.keyVar = keyVar;
            this.valueVar = valueVar;
        }
    }

    /** Parses from right after the opening quote {@code open} through the closing quote. */
    Template parseQuoted(Token open) {
        Scan scan = new Scan(lexer.position(), null, false);
        scan.run(open);
        lexer.reset(scan.pos);
        return new Template(buildTree(scan.pieces, open), false, source.range(open.start(), scan.pos));
    }

    /** Parses from the line after the heredoc introducer {@code intro} through the closing marker. */
    Template parseHeredoc(Token intro) {
        String head = parser.text(intro);
        boolean indented = head.startsWith("<<-");
        String marker = head.substring(indented ? 3 : 2).strip();
        Scan scan = new Scan(lexer.position(), marker, false);
        scan.run(intro);
        if (indented) {
            dedent(scan.pieces);
        }
        lexer.reset(scan.pos);
        return new Template(buildTree(scan.pieces, intro), true, source.range(intro.start(), scan.pos));
    }

    /**
     * Parses the whole source as a template, as Terraform's templatefile reads a file: no enclosing quotes or marker,
     * no escapes but {@code $${} and {@code %%{}, and the end of the text ends it.
     */
    Template parseWhole() {
        Token start = new Token(Kind.OQUOTE, 0, 0); // where an unclosed directive is reported: the file's start
        Scan scan = new Scan(0, null, true);
        scan.run(start);
        return new Template(buildTree(scan.pieces, start), false, source.range(0, scan.pos));
    }

    /** The scanning state of one template; {@code marker} is null for a quoted string or a whole file. */
    private final class Scan {
        final List<Piece> pieces = new ArrayList<>();
        final String marker;
        /** A whole file ({@link #parseWhole}): quotes and backslashes are text, and the end of the text ends it. */
        final boolean whole;
        int pos;
        private final StringBuilder literal = new StringBuilder();
        private int literalStart;
        /** Set by a closing {@code ~}}: the next literal loses its leading whitespace. */
        private boolean trimNext;

        Scan(int pos, String marker, boolean whole) {
            this.pos = pos;
            this.marker = marker;
            this.whole = whole;
            this.literalStart = pos;
        }

        void run(Token open) {
            boolean lineStart = true;
            while (true) {
                if (marker != null && lineStart) {
                    int end = closingMarkerEnd(pos);
                    if (end >= 0) {
                        flush();
                        pos = end;
                        return;
                    }
                }
                lineStart = false;
                if (pos >= cs.length && whole) {
                    flush();
                    return;
                }
                if (pos >= cs.length) {
                    throw parser.error(parser.range(open), marker == null
                            ? "Unterminated template string: no closing quote before the end of the file"
                            : "Unterminated heredoc: no closing marker \"" + marker + "\" before the end of the file");
                }
                char c = cs[pos];
                char c1 = pos + 1 < cs.length ? cs[pos + 1] : '\0';
                char c2 = pos + 2 < cs.length ? cs[pos + 2] : '\0';
                boolean quoted = marker == null && !whole;
                if (quoted && c == '"') {
                    flush();
                    pos++;
                    return;
                }
                if (quoted && (c == '\n' || (c == '\r' && c1 == '\n'))) {
                    throw parser.error(source.range(pos, pos + 1),
                            "Invalid multi-line string: quoted strings may not be "
                                    + "split over multiple lines; use the \\n escape or a heredoc");
                }
                if ((c == '$' || c == '%') && c1 == '{') {
                    flush();
                    if (c == '$') {
                        interpolation();
                    } else {
                        directive();
                    }
                    literalStart = pos;
                } else if ((c == '$' || c == '%') && c1 == c && c2 == '{') {
                    literal.append(c).append('{'); // $${ and %%{ are the escapes for a literal ${ and %{
                    pos += 3;
                } else if (quoted && c == '\\') {
                    escape();
                } else {
                    literal.append(c);
                    pos++;
                    if (c == '\n') {
                        flush();
                        lineStart = true;
                    } else {
                        // The characters up to the next one this loop treats specially are plain text: take them
                        // in one append rather than one trip round the loop (and one append call) each.
                        int run = pos;
                        while (run < cs.length && isPlainText(cs[run])) {
                            run++;
                        }
                        literal.append(cs, pos, run - pos);
                        pos = run;
                    }
                }
            }
        }

        /** Not a quote, line end, backslash, {@code $} or {@code %}: appended as it is in any template. */
        private static boolean isPlainText(char c) {
            return c != '"' && c != '\n' && c != '\r' && c != '$' && c != '%' && c != '\\';
        }

        private void flush() {
            if (literal.length() > 0) {
                String value = literal.toString();
                if (trimNext) {
                    value = trimLeading(value);
                }
                pieces.add(new Lit(value, literalStart, pos));
                literal.setLength(0);
                trimNext = false;
            }
            literalStart = pos;
        }

        /** {@code ${ expr }}, with optional {@code ~} on either side. */
        private void interpolation() {
            int start = pos;
            pos += 2;
            boolean stripBefore = stripMarker();
            boolean saved = parser.beginTemplateSequence(pos);
            Expression expr = parser.parseExpression();
            Token close = parser.endTemplateSequence(saved, "template interpolation");
            pos = close.end();
            boolean stripAfter = close.kind() == Kind.STRIP_RBRACE;
            pieces.add(new Interp(expr, stripBefore, stripAfter, start, pos));
            trimNext = stripAfter;
        }

        /**
         * {@code %{ if c }}, {@code %{ else }}, {@code %{ endif }}, {@code %{ for k, v in c }}, {@code %{ endfor }}.
         */
        private void directive() {
            int start = pos;
            pos += 2;
            stripMarker();
            boolean saved = parser.beginTemplateSequence(pos);
            Token keyword = parser.take();
            String word = keyword.kind() == Kind.IDENT ? parser.text(keyword) : "";
            Directive directive;
            switch (word) {
                case "if":
                    directive = new Directive(DirectiveKind.IF, parser.parseExpression(), null, null, start, -1);
                    break;
                case "else":
                    directive = new Directive(DirectiveKind.ELSE, null, null, null, start, -1);
                    break;
                case "endif":
                    directive = new Directive(DirectiveKind.ENDIF, null, null, null, start, -1);
                    break;
                case "endfor":
                    directive = new Directive(DirectiveKind.ENDFOR, null, null, null, start, -1);
                    break;
                case "for":
                    directive = forDirective(start);
                    break;
                default:
                    throw parser.error(keyword, "Invalid template directive: a template directive keyword (\"if\", "
                            + "\"for\", etc) is expected at the beginning of a %{ sequence");
            }
            Token close = parser.endTemplateSequence(saved, "template directive");
            pos = close.end();
            pieces.add(new Directive(directive.kind, directive.expr, directive.keyVar, directive.valueVar, start,
                    pos));
            trimNext = close.kind() == Kind.STRIP_RBRACE;
        }

        private Directive forDirective(int start) {
            String keyVar = null;
            String valueVar = parser.text(parser.expect(Kind.IDENT, "Invalid template directive: for directive "
                    + "requires variable name after 'for'"));
            if (parser.peek().kind() == Kind.COMMA) {
                parser.take();
                keyVar = valueVar;
                valueVar = parser.text(parser.expect(Kind.IDENT, "Invalid template directive: for directive "
                        + "requires value variable name after comma"));
            }
            Token in = parser.take();
            if (!parser.isKeyword(in, "in")) {
                throw parser.error(in, "Invalid template directive: for directive requires 'in' keyword after "
                        + "names");
            }
            return new Directive(DirectiveKind.FOR, parser.parseExpression(), keyVar, valueVar, start, -1);
        }

        /**
         * Consumes a {@code ~} after {@code ${}/{@code %{}; it strips whitespace from the end of the literal before.
         */
        private boolean stripMarker() {
            if (pos < cs.length && cs[pos] == '~') {
                pos++;
                if (!pieces.isEmpty() && pieces.get(pieces.size() - 1) instanceof Lit previous) {
                    previous.value = trimTrailing(previous.value);
                }
                return true;
            }
            return false;
        }

        private void escape() {
            char selector = pos + 1 < cs.length ? cs[pos + 1] : '\0';
            switch (selector) {
                case 'n': literal.append('\n'); pos += 2; return;
                case 'r': literal.append('\r'); pos += 2; return;
                case 't': literal.append('\t'); pos += 2; return;
                case '"': literal.append('"'); pos += 2; return;
                case '\\': literal.append('\\'); pos += 2; return;
                case 'u': unicodeEscape(4); return;
                case 'U': unicodeEscape(8); return;
                default:
                    throw parser.error(source.range(pos, Math.min(pos + 2, cs.length)), "Invalid escape sequence: "
                            + "\\" + selector + " is not a valid escape sequence");
            }
        }

        private void unicodeEscape(int digits) {
            int start = pos;
            int end = pos + 2 + digits;
            int codePoint = -1;
            if (end <= cs.length) {
                try {
                    codePoint = Integer.parseInt(src.substring(pos + 2, end), 16);
                } catch (NumberFormatException e) {
                    codePoint = -1;
                }
            }
            if (codePoint < 0 || !Character.isValidCodePoint(codePoint)
                    || src.substring(pos + 2, end).chars().anyMatch(ch -> ch == '+' || ch == '-')) {
                throw parser.error(source.range(start, Math.min(end, cs.length)), "Invalid escape sequence: "
                        + "\\u needs 4 and \\U needs 8 hexadecimal digits of a valid code point");
            }
            literal.appendCodePoint(codePoint);
            pos = end;
        }

        /**
         * End offset of the closing marker if the line at {@code lineStart} is one (blanks around it allowed), else -1.
         */
        private int closingMarkerEnd(int lineStart) {
            int p = lineStart;
            while (p < cs.length && (cs[p] == ' ' || cs[p] == '\t')) {
                p++;
            }
            if (!src.startsWith(marker, p)) {
                return -1;
            }
            int end = p + marker.length();
            int q = end;
            while (q < cs.length && (cs[q] == ' ' || cs[q] == '\t')) {
                q++; // hclsyntax accepts trailing blanks after the marker
            }
            if (q == cs.length || cs[q] == '\n'
                    || (cs[q] == '\r' && q + 1 < cs.length && cs[q + 1] == '\n')) {
                return end;
            }
            return -1;
        }
    }

    /**
     * {@code <<-} removes the smallest indentation of all lines from every line, as hclsyntax does: only a
     * literal that starts a line counts; a line starting with an interpolation counts as indentation zero;
     * whitespace-only lines are ignored (and kept as written).
     */
    private static void dedent(List<Piece> pieces) {
        int min = Integer.MAX_VALUE;
        List<Lit> adjust = new ArrayList<>();
        boolean newline = true;
        for (Piece piece : pieces) {
            if (newline) {
                newline = false;
                if (piece instanceof Lit lit) {
                    String trimmed = trimLeading(lit.value);
                    if (!(trimmed.isEmpty() && lit.value.endsWith("\n"))) {
                        String indent = lit.value.substring(0, lit.value.length() - trimmed.length());
                        min = Math.min(min, indent.codePointCount(0, indent.length()));
                        adjust.add(lit);
                    }
                } else {
                    min = 0;
                }
            }
            if (piece instanceof Lit lit && lit.value.endsWith("\n")) {
                newline = true;
            }
        }
        if (min == Integer.MAX_VALUE || min == 0) {
            return;
        }
        for (Lit lit : adjust) {
            lit.value = lit.value.substring(lit.value.offsetByCodePoints(0, min));
        }
    }

    // ---- tree building ------------------------------------------------------------------------------------------

    private List<TemplatePart> buildTree(List<Piece> pieces, Token open) {
        Cursor cursor = new Cursor(pieces);
        List<TemplatePart> parts = cursor.parts(null, open);
        if (cursor.index < pieces.size()) {
            Directive stray = (Directive) pieces.get(cursor.index);
            throw parser.error(source.range(stray.start, stray.end), "Unexpected " + describe(stray.kind)
                    + ": there is no matching opening directive for it");
        }
        return parts;
    }

    private final class Cursor {
        final List<Piece> pieces;
        int index;

        Cursor(List<Piece> pieces) {
            this.pieces = pieces;
        }

        /** Parts up to (not including) a directive of a kind in {@code until}, or to the end if null. */
        List<TemplatePart> parts(List<DirectiveKind> until, Token open) {
            List<TemplatePart> parts = new ArrayList<>();
            while (index < pieces.size()) {
                Piece piece = pieces.get(index);
                if (piece instanceof Lit lit) {
                    // kept even when stripping emptied it, as hclsyntax does: "${x~} " is not the bare x
                    index++;
                    parts.add(new TemplatePart.Literal(lit.value, source.range(lit.start, lit.end)));
                } else if (piece instanceof Interp interp) {
                    index++;
                    parts.add(new TemplatePart.Interpolation(interp.expr, interp.stripBefore, interp.stripAfter,
                            source.range(interp.start, interp.end)));
                } else {
                    Directive d = (Directive) piece;
                    if (d.kind == DirectiveKind.IF) {
                        parts.add(ifDirective(d, open));
                    } else if (d.kind == DirectiveKind.FOR) {
                        parts.add(forDirective(d, open));
                    } else if (until != null && until.contains(d.kind)) {
                        return parts;
                    } else {
                        throw parser.error(source.range(d.start, d.end), "Unexpected " + describe(d.kind)
                                + ": there is no matching opening directive for it");
                    }
                }
            }
            return parts;
        }

        private TemplatePart ifDirective(Directive d, Token open) {
            index++;
            parser.enter(open);
            List<TemplatePart> then = parts(List.of(DirectiveKind.ELSE, DirectiveKind.ENDIF), open);
            List<TemplatePart> otherwise = List.of();
            if (index < pieces.size() && ((Directive) pieces.get(index)).kind == DirectiveKind.ELSE) {
                index++;
                otherwise = parts(List.of(DirectiveKind.ENDIF), open);
            }
            Directive end = closing(d, DirectiveKind.ENDIF);
            parser.leave(1);
            return new TemplatePart.If(d.expr, then, otherwise, source.range(d.start, end.end));
        }

        private TemplatePart forDirective(Directive d, Token open) {
            index++;
            parser.enter(open);
            List<TemplatePart> body = parts(List.of(DirectiveKind.ENDFOR), open);
            Directive end = closing(d, DirectiveKind.ENDFOR);
            parser.leave(1);
            return new TemplatePart.For(d.keyVar, d.valueVar, d.expr, body, source.range(d.start, end.end));
        }

        private Directive closing(Directive opening, DirectiveKind kind) {
            if (index >= pieces.size() || ((Directive) pieces.get(index)).kind != kind) {
                throw parser.error(source.range(opening.start, opening.end), "Unterminated template "
                        + describe(opening.kind) + ": no matching " + describe(kind) + " before the end of the "
                        + "template");
            }
            return (Directive) pieces.get(index++);
        }
    }

    private static String describe(DirectiveKind kind) {
        return "%{" + kind.name().toLowerCase(java.util.Locale.ROOT) + "}";
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    static String trimLeading(String s) {
        int i = 0;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }

    static String trimTrailing(String s) {
        int i = s.length();
        while (i > 0 && isSpace(s.charAt(i - 1))) {
            i--;
        }
        return s.substring(0, i);
    }
}
