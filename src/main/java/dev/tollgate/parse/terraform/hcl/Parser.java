package dev.tollgate.parse.terraform.hcl;

import dev.tollgate.parse.terraform.hcl.Expression.BinaryOperator;
import dev.tollgate.parse.terraform.hcl.Expression.UnaryOperator;
import dev.tollgate.parse.terraform.hcl.Token.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser for HCL2 native syntax (hclsyntax). One instance parses one file; not thread-safe.
 *
 * <p>Newlines matter in bodies and object constructors (they end items) and are ignored inside parentheses,
 * brackets, function arguments, for-expressions and template sequences, exactly as in hclsyntax; the
 * {@link #newlines} flag says which applies, and every construct that changes it restores it on the way out.
 *
 * <p>A syntax error abandons the current top-level item ({@link SyntaxError}, never leaves this class); parsing
 * resumes at the next line that starts with an identifier in column 1, which in formatted Terraform is the next
 * block. Nesting is bounded by {@link #MAX_DEPTH} so that hostile input cannot overflow the stack.
 */
final class Parser {

    static final int MAX_DEPTH = 256;
    /** After this many errors the rest of the file is not worth reporting on. */
    private static final int MAX_DIAGNOSTICS = 100;

    private final HclSource source;
    private final String src;
    private final Lexer lexer;
    private final TemplateParser templates;
    private final List<HclDiagnostic> diagnostics = new ArrayList<>();

    /** One token of lookahead; null when the lexer position is right after the last consumed token. */
    private Token peeked;
    private boolean newlines = true;
    private int depth;

    /** {@code chars} must be {@code source.text()} as an array: the lexer reads it rather than the string. */
    Parser(HclSource source, char[] chars) {
        this.source = source;
        this.src = source.text();
        this.lexer = new Lexer(src, chars);
        this.templates = new TemplateParser(this, lexer, source);
    }

    /** Abandons the current top-level item. Carries the diagnostic; no stack trace is ever needed. */
    static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient HclDiagnostic diagnostic;

        SyntaxError(HclDiagnostic diagnostic) {
            super(diagnostic.message(), null, false, false);
            this.diagnostic = diagnostic;
        }
    }

    HclFile parseFile() {
        List<Attribute> attributes = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        Map<String, Attribute> seen = new HashMap<>();
        while (diagnostics.size() < MAX_DIAGNOSTICS) {
            Token t = peek();
            if (t.kind() == Kind.NEWLINE) {
                take();
                continue;
            }
            if (t.kind() == Kind.EOF) {
                break;
            }
            try {
                parseItem(attributes, blocks, seen);
            } catch (SyntaxError e) {
                diagnostics.add(e.diagnostic);
                recover(e.diagnostic.range().startOffset());
            }
        }
        Body body = new Body(attributes, blocks, source.range(0, src.length()));
        return new HclFile(source, body, diagnostics);
    }

    /**
     * The quoted template that starts (at its opening quote) at {@code offset}: how a string of Terraform's JSON
     * syntax, which is a template too, is read in place so its interpolations keep their lines. Null, with the
     * error added to {@code diagnostics}, when it is not a valid template.
     */
    static Expression.Template templateAt(HclSource source, char[] chars, int offset,
            List<HclDiagnostic> diagnostics) {
        Parser p = new Parser(source, chars);
        p.lexer.reset(offset);
        return p.template(() -> {
            Token open = p.take();
            if (open.kind() != Kind.OQUOTE) {
                throw p.error(open, "Invalid template: a quoted string was expected");
            }
            return p.templates.parseQuoted(open);
        }, diagnostics);
    }

    /**
     * The whole of {@code source} read as a template, as Terraform's templatefile reads a file. Null, with the error
     * added to {@code diagnostics}, when it is not a valid template.
     */
    static Expression.Template wholeTemplate(HclSource source, char[] chars, List<HclDiagnostic> diagnostics) {
        Parser p = new Parser(source, chars);
        return p.template(p.templates::parseWhole, diagnostics);
    }

    /** A template parsed alone, outside any body: null, with the errors added to {@code diagnostics}, if invalid. */
    private Expression.Template template(java.util.function.Supplier<Expression.Template> parse,
            List<HclDiagnostic> diagnostics) {
        newlines = false;
        try {
            Expression.Template t = parse.get();
            if (!this.diagnostics.isEmpty()) {
                diagnostics.addAll(this.diagnostics);
                return null;
            }
            return t;
        } catch (SyntaxError e) {
            diagnostics.add(e.diagnostic);
            return null;
        }
    }

    // ---- bodies -------------------------------------------------------------------------------------------------

    private void parseItem(List<Attribute> attributes, List<Block> blocks, Map<String, Attribute> seen) {
        Token name = take();
        if (name.kind() != Kind.IDENT) {
            throw error(name, "Argument or block definition required: an argument or block definition is "
                    + "required here");
        }
        Token next = peek();
        if (next.kind() == Kind.ASSIGN) {
            take();
            Attribute attribute = finishAttribute(name);
            endOfItem("Missing newline after argument: an argument definition must end with a newline");
            addAttribute(attribute, attributes, seen);
        } else if (next.kind() == Kind.IDENT || next.kind() == Kind.OQUOTE || next.kind() == Kind.LBRACE) {
            blocks.add(parseBlock(name));
            endOfItem("Missing newline after block definition: a block definition must end with a newline");
        } else {
            throw error(next, "Argument or block definition required: to set an argument, use the equals sign "
                    + "\"=\" to introduce the argument value");
        }
    }

    private Attribute finishAttribute(Token name) {
        Expression expr = parseExpression();
        SourceRange nameRange = range(name);
        return new Attribute(lexer.text(name), expr, nameRange, nameRange.to(expr.range()));
    }

    /** HCL rejects a second definition of one argument; not fatal for the parse, so only recorded. */
    private void addAttribute(Attribute attribute, List<Attribute> attributes, Map<String, Attribute> seen) {
        Attribute previous = seen.putIfAbsent(attribute.name(), attribute);
        if (previous != null) {
            diagnostics.add(new HclDiagnostic("Attribute redefined: the argument \"" + attribute.name()
                    + "\" was already set at " + previous.nameRange(), attribute.nameRange()));
        }
        attributes.add(attribute);
    }

    private void endOfItem(String message) {
        Token t = peek();
        if (t.kind() == Kind.NEWLINE) {
            take();
        } else if (t.kind() != Kind.EOF) {
            throw error(t, message);
        }
    }

    private Block parseBlock(Token type) {
        List<String> labels = new ArrayList<>();
        List<SourceRange> labelRanges = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.IDENT) {
                take();
                labels.add(lexer.text(t));
                labelRanges.add(range(t));
            } else if (t.kind() == Kind.OQUOTE) {
                take();
                Expression.Template label = templates.parseQuoted(t);
                if (!label.isLiteral()) {
                    throw error(label.range(), "Invalid block label: template interpolations and directives "
                            + "are not allowed in block labels");
                }
                labels.add(label.literalValue());
                labelRanges.add(label.range());
            } else {
                break;
            }
        }
        Token open = take();
        if (open.kind() != Kind.LBRACE) {
            throw error(open, "Invalid block definition: a block definition must have block content delimited "
                    + "by \"{\" and \"}\", starting on the same line as the block header");
        }
        enter(open);
        List<Attribute> attributes = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        Token first = peek();
        if (first.kind() == Kind.NEWLINE) {
            Map<String, Attribute> seen = new HashMap<>();
            while (true) {
                Token t = peek();
                if (t.kind() == Kind.NEWLINE) {
                    take();
                } else if (t.kind() == Kind.RBRACE) {
                    break;
                } else if (t.kind() == Kind.EOF) {
                    throw error(open, "Unclosed configuration block: there is no closing brace for this block "
                            + "before the end of the file");
                } else {
                    parseItem(attributes, blocks, seen);
                }
            }
        } else if (first.kind() != Kind.RBRACE) {
            // Single-line block: `name { arg = value }` holds at most one argument and no nested block.
            Token name = take();
            if (name.kind() != Kind.IDENT || peek().kind() != Kind.ASSIGN) {
                throw error(name, "Invalid single-argument block definition: a single-line block definition "
                        + "can contain only a single argument");
            }
            take();
            attributes.add(finishAttribute(name));
            if (peek().kind() != Kind.RBRACE) {
                throw error(peek(), "Invalid single-argument block definition: a single-line block definition "
                        + "must end with a closing brace immediately after its single argument");
            }
        }
        Token close = take();
        leave(1);
        Body body = new Body(attributes, blocks, source.range(open.start(), close.end()));
        return new Block(lexer.text(type), labels, body, source.range(type.start(), close.end()), range(type),
                labelRanges);
    }

    // ---- expressions --------------------------------------------------------------------------------------------

    Expression parseExpression() {
        enter(peek());
        Expression condition = parseBinary(1);
        Expression result = condition;
        if (peek().kind() == Kind.QUESTION) {
            take();
            Expression then = parseExpression();
            Token colon = take();
            if (colon.kind() != Kind.COLON) {
                throw error(colon, "Missing false expression in conditional: the conditional operator "
                        + "(...?...:...) requires a false expression, delimited by a colon");
            }
            Expression otherwise = parseExpression();
            result = new Expression.Conditional(condition, then, otherwise, condition.range().to(otherwise.range()));
        }
        leave(1);
        return result;
    }

    /** Precedence climbing: one stack frame per precedence level actually used, not per grammar level. */
    private Expression parseBinary(int minPrecedence) {
        Expression left = parseUnary();
        int chain = 0;
        while (true) {
            Token t = peek();
            BinaryOperator op = binaryOperator(t.kind());
            if (op == null || op.precedence < minPrecedence) {
                break;
            }
            take();
            // A long left-leaning chain is as deep a tree as nested parentheses: count each link.
            enter(t);
            chain++;
            Expression right = parseBinary(op.precedence + 1);
            left = new Expression.Binary(op, left, right, left.range().to(right.range()));
        }
        leave(chain);
        return left;
    }

    private Expression parseUnary() {
        Token t = peek();
        if (t.kind() == Kind.MINUS || t.kind() == Kind.BANG) {
            take();
            enter(t);
            Expression operand = parseUnary();
            leave(1);
            UnaryOperator op = t.kind() == Kind.MINUS ? UnaryOperator.NEGATE : UnaryOperator.NOT;
            return new Expression.Unary(op, operand, range(t).to(operand.range()));
        }
        return parsePostfix(parseTerm());
    }

    /**
     * Attribute access, indexing and splats after a term. After {@code [*]} every following {@code .name} and
     * {@code [key]} applies to each element; after the legacy {@code .*} only {@code .name} does.
     */
    private Expression parsePostfix(Expression base) {
        Expression splatSource = null;
        Expression each = null;
        boolean legacy = false;
        int chain = 0;
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.DOT) {
                take();
                Token index = lexer.legacyIndex();
                Token name = index != null ? index : take();
                enter(name);
                chain++;
                if (name.kind() == Kind.STAR) {
                    base = closeSplat(splatSource, each, legacy, base);
                    splatSource = base;
                    each = new Expression.SplatItem(source.range(t.start(), name.end()));
                    legacy = true;
                } else if (name.kind() == Kind.IDENT) {
                    if (each != null) {
                        each = new Expression.GetAttr(each, lexer.text(name), each.range().to(range(name)));
                    } else {
                        base = new Expression.GetAttr(base, lexer.text(name), base.range().to(range(name)));
                    }
                } else if (name.kind() == Kind.NUMBER) {
                    if (src.startsWith(".", name.end()) && name.end() + 1 < src.length()
                            && Character.isDigit(src.charAt(name.end() + 1))) {
                        // hclsyntax reads `foo.0.1` as foo followed by the number 0.1 and rejects it
                        throw error(source.range(name.start(), name.end() + 2), "Invalid legacy index syntax: "
                                + "chaining two legacy indexes together is not permitted; use [0][1] instead");
                    }
                    Expression key = new Expression.NumberLiteral(new BigDecimal(lexer.text(name)), range(name));
                    if (each != null) {
                        each = new Expression.Index(each, key, true, each.range().to(key.range()));
                    } else {
                        base = new Expression.Index(base, key, true, base.range().to(key.range()));
                    }
                } else {
                    throw error(name, "Invalid attribute name: an attribute name is required after a dot");
                }
            } else if (t.kind() == Kind.LBRACK) {
                take();
                boolean saved = newlines;
                newlines = false;
                enter(t);
                chain++;
                if (peek().kind() == Kind.STAR) {
                    take();
                    Token close = expect(Kind.RBRACK, "Missing close bracket on splat index: the star for a full "
                            + "splat operator must be immediately followed by a closing bracket (\"]\")");
                    base = closeSplat(splatSource, each, legacy, base);
                    splatSource = base;
                    each = new Expression.SplatItem(source.range(t.start(), close.end()));
                    legacy = false;
                } else {
                    if (legacy && each != null) {
                        // the legacy splat takes attributes only: an index applies to its whole result
                        base = closeSplat(splatSource, each, true, base);
                        each = null;
                        splatSource = null;
                    }
                    Expression key = parseExpression();
                    Token close = expect(Kind.RBRACK, "Missing close bracket on index: the index operator must "
                            + "end with a closing bracket (\"]\")");
                    if (each != null) {
                        each = new Expression.Index(each, key, false, each.range().to(range(close)));
                    } else {
                        base = new Expression.Index(base, key, false, base.range().to(range(close)));
                    }
                }
                newlines = saved;
            } else {
                break;
            }
        }
        leave(chain);
        return closeSplat(splatSource, each, legacy, base);
    }

    private static Expression closeSplat(Expression splatSource, Expression each, boolean legacy, Expression base) {
        if (each == null) {
            return base;
        }
        return new Expression.Splat(splatSource, each, legacy, splatSource.range().to(each.range()));
    }

    private Expression parseTerm() {
        Token t = take();
        switch (t.kind()) {
            case NUMBER:
                return new Expression.NumberLiteral(new BigDecimal(lexer.text(t)), range(t));
            case IDENT:
                return parseIdentifierTerm(t);
            case OQUOTE:
                return templates.parseQuoted(t);
            case HEREDOC:
                return templates.parseHeredoc(t);
            case LPAREN: {
                boolean saved = newlines;
                newlines = false;
                Expression inner = parseExpression();
                Token close = expect(Kind.RPAREN, "Unbalanced parentheses: expected a closing parenthesis to "
                        + "terminate the expression");
                newlines = saved;
                return new Expression.Parens(inner, source.range(t.start(), close.end()));
            }
            case LBRACK:
                return parseTuple(t);
            case LBRACE:
                return parseObject(t);
            default:
                throw error(t, "Invalid expression: expected the start of an expression, but found "
                        + describe(t));
        }
    }

    private Expression parseIdentifierTerm(Token t) {
        String name = lexer.text(t);
        switch (name) {
            case "true":
                return new Expression.BoolLiteral(true, range(t));
            case "false":
                return new Expression.BoolLiteral(false, range(t));
            case "null":
                return new Expression.NullLiteral(range(t));
            default:
                break;
        }
        Token next = peek();
        if (next.kind() != Kind.LPAREN && next.kind() != Kind.DOUBLE_COLON) {
            return new Expression.Variable(name, range(t));
        }
        int nameEnd = t.end();
        while (peek().kind() == Kind.DOUBLE_COLON) {
            take();
            Token part = expect(Kind.IDENT, "Missing function name: a namespaced function name needs an "
                    + "identifier after \"::\"");
            nameEnd = part.end();
        }
        Token open = expect(Kind.LPAREN, "Missing function call arguments: a namespaced name must be followed "
                + "by an argument list in parentheses");
        return parseCall(source.range(t.start(), nameEnd), open);
    }

    private Expression parseCall(SourceRange nameRange, Token open) {
        boolean saved = newlines;
        newlines = false;
        enter(open);
        List<Expression> args = new ArrayList<>();
        boolean expandFinal = false;
        while (peek().kind() != Kind.RPAREN) {
            args.add(parseExpression());
            Token t = peek();
            if (t.kind() == Kind.ELLIPSIS) {
                take();
                expandFinal = true;
                if (peek().kind() != Kind.RPAREN) {
                    throw error(peek(), "Missing closing parenthesis: an expanded function argument (with "
                            + "\"...\") must be immediately followed by closing parentheses");
                }
                break;
            }
            if (t.kind() == Kind.COMMA) {
                take();
            } else if (t.kind() != Kind.RPAREN) {
                throw error(t, "Missing argument separator: a comma is required to separate each function "
                        + "argument from the next");
            }
        }
        Token close = take();
        leave(1);
        newlines = saved;
        // The name is the written name with whitespace around "::" removed.
        String name = nameRange.text().replaceAll("\\s+", "");
        return new Expression.FunctionCall(name, args, expandFinal, nameRange, nameRange.to(range(close)));
    }

    private Expression parseTuple(Token open) {
        boolean saved = newlines;
        newlines = false;
        enter(open);
        Expression result;
        if (isKeyword(peek(), "for")) {
            result = parseFor(open, false);
        } else {
            List<Expression> elements = new ArrayList<>();
            while (peek().kind() != Kind.RBRACK) {
                elements.add(parseExpression());
                Token t = peek();
                if (t.kind() == Kind.COMMA) {
                    take();
                } else if (t.kind() != Kind.RBRACK) {
                    throw error(t, "Missing item separator: expected a comma to mark the beginning of the next "
                            + "item");
                }
            }
            Token close = take();
            result = new Expression.Tuple(elements, source.range(open.start(), close.end()));
        }
        leave(1);
        newlines = saved;
        return result;
    }

    private Expression parseObject(Token open) {
        boolean saved = newlines;
        newlines = true;
        enter(open);
        while (peek().kind() == Kind.NEWLINE) {
            take(); // `{` then `for` on the next line is the usual layout of an object for-expression
        }
        Expression result;
        if (isKeyword(peek(), "for")) {
            result = parseFor(open, true);
        } else {
            List<Expression.ObjectItem> items = new ArrayList<>();
            while (true) {
                Token t = peek();
                if (t.kind() == Kind.NEWLINE) {
                    take();
                    continue;
                }
                if (t.kind() == Kind.RBRACE) {
                    break;
                }
                boolean parenthesized = t.kind() == Kind.LPAREN;
                Expression key = parseExpression();
                Token separator = take();
                if (separator.kind() != Kind.ASSIGN && separator.kind() != Kind.COLON) {
                    throw error(separator, "Missing key/value separator: expected an equals sign (\"=\") to mark "
                            + "the beginning of the attribute value");
                }
                Expression value = parseExpression();
                items.add(new Expression.ObjectItem(key, value, parenthesized));
                Token after = peek();
                if (after.kind() == Kind.COMMA || after.kind() == Kind.NEWLINE) {
                    take();
                } else if (after.kind() != Kind.RBRACE) {
                    throw error(after, "Missing attribute separator: expected a newline or comma to mark the "
                            + "beginning of the next attribute");
                }
            }
            Token close = take();
            result = new Expression.ObjectCons(items, source.range(open.start(), close.end()));
        }
        leave(1);
        newlines = saved;
        return result;
    }

    /** {@code for k, v in coll : [key =>] value [...] [if cond]} up to the closing bracket or brace. */
    private Expression parseFor(Token open, boolean object) {
        newlines = false;
        take(); // "for"
        Token first = expect(Kind.IDENT, "Invalid 'for' expression: for expression requires variable name "
                + "after 'for'");
        String keyVar = null;
        String valueVar = lexer.text(first);
        if (peek().kind() == Kind.COMMA) {
            take();
            keyVar = valueVar;
            valueVar = lexer.text(expect(Kind.IDENT, "Invalid 'for' expression: for expression requires value "
                    + "variable name after comma"));
        }
        Token in = take();
        if (!isKeyword(in, "in")) {
            throw error(in, "Invalid 'for' expression: for expression requires the 'in' keyword after its "
                    + "name declarations");
        }
        Expression collection = parseExpression();
        expect(Kind.COLON, "Invalid 'for' expression: for expression requires a colon after the collection "
                + "expression");
        Expression keyExpr = null;
        Expression valueExpr = parseExpression();
        boolean grouping = false;
        if (!object && peek().kind() == Kind.ARROW) {
            throw error(valueExpr.range(), "Invalid 'for' expression: key expression is not valid when building a "
                    + "tuple");
        }
        if (object) {
            keyExpr = valueExpr;
            expect(Kind.ARROW, "Invalid 'for' expression: key expression is required when building an object");
            valueExpr = parseExpression();
            if (peek().kind() == Kind.ELLIPSIS) {
                take();
                grouping = true;
            }
        }
        Expression condition = null;
        if (isKeyword(peek(), "if")) {
            take();
            condition = parseExpression();
        }
        Kind closeKind = object ? Kind.RBRACE : Kind.RBRACK;
        Token close = expect(closeKind, "Invalid 'for' expression: extra characters after the end of the 'for' "
                + "expression");
        return new Expression.ForExpr(keyVar, valueVar, collection, keyExpr, valueExpr, condition, grouping,
                source.range(open.start(), close.end()));
    }

    // ---- template support: TemplateParser hands the lexer back and forth ---------------------------------------

    /** Starts a {@code ${...}} or {@code %{...}} sequence at {@code offset}; returns the newline mode to restore. */
    boolean beginTemplateSequence(int offset) {
        peeked = null;
        lexer.reset(offset);
        boolean saved = newlines;
        newlines = false;
        return saved;
    }

    /**
     * Takes the {@code }} or {@code ~}} that ends a template sequence and returns it; afterwards the lexer sits
     * right after it and nothing is buffered, so the template scanner can carry on from there.
     */
    Token endTemplateSequence(boolean savedNewlines, String what) {
        Token close = take();
        if (close.kind() != Kind.RBRACE && close.kind() != Kind.STRIP_RBRACE) {
            throw error(close, "Extra characters after " + what + ": expected a closing brace to end the " + what);
        }
        newlines = savedNewlines;
        return close;
    }

    Token peek() {
        if (peeked == null) {
            peeked = lexer.next();
        }
        while (peeked.kind() == Kind.NEWLINE && !newlines) {
            peeked = lexer.next();
        }
        return peeked;
    }

    Token take() {
        Token t = peek();
        peeked = null;
        return t;
    }

    Token expect(Kind kind, String message) {
        Token t = take();
        if (t.kind() != kind) {
            throw error(t, message);
        }
        return t;
    }

    boolean isKeyword(Token t, String keyword) {
        return t.kind() == Kind.IDENT && t.end() - t.start() == keyword.length()
                && src.startsWith(keyword, t.start());
    }

    String text(Token t) {
        return lexer.text(t);
    }

    void enter(Token at) {
        if (++depth > MAX_DEPTH) {
            throw error(at, "Nesting too deep: expressions and blocks may be nested at most " + MAX_DEPTH
                    + " levels");
        }
    }

    void leave(int levels) {
        depth -= levels;
    }

    SourceRange range(Token t) {
        return source.range(t.start(), t.end());
    }

    SyntaxError error(Token at, String message) {
        if (at.kind() == Kind.INVALID) {
            return error(range(at), invalidTokenMessage(at));
        }
        return error(range(at), message);
    }

    SyntaxError error(SourceRange at, String message) {
        return new SyntaxError(new HclDiagnostic(message, at));
    }

    private String invalidTokenMessage(Token t) {
        String text = lexer.text(t);
        if (text.startsWith("/*")) {
            return "Unterminated block comment: there is no closing \"*/\" for this comment";
        }
        if (text.startsWith("<<")) {
            return "Invalid heredoc introducer: a heredoc is \"<<\" or \"<<-\", an identifier, then a newline";
        }
        return "Invalid character: \"" + text + "\" is not valid here";
    }

    private String describe(Token t) {
        switch (t.kind()) {
            case NEWLINE:
                return "a newline";
            case EOF:
                return "the end of the file";
            default:
                return "\"" + lexer.text(t) + "\"";
        }
    }

    private static BinaryOperator binaryOperator(Kind kind) {
        switch (kind) {
            case OR: return BinaryOperator.OR;
            case AND: return BinaryOperator.AND;
            case EQ: return BinaryOperator.EQUAL;
            case NE: return BinaryOperator.NOT_EQUAL;
            case LT: return BinaryOperator.LESS;
            case GT: return BinaryOperator.GREATER;
            case LE: return BinaryOperator.LESS_OR_EQUAL;
            case GE: return BinaryOperator.GREATER_OR_EQUAL;
            case PLUS: return BinaryOperator.ADD;
            case MINUS: return BinaryOperator.SUBTRACT;
            case STAR: return BinaryOperator.MULTIPLY;
            case SLASH: return BinaryOperator.DIVIDE;
            case PERCENT: return BinaryOperator.MODULO;
            default: return null;
        }
    }

    /**
     * Skips past a broken top-level item: to the first line after the error's line that starts with an
     * identifier in column 1. Always moves forward, so a file of errors still ends.
     */
    private void recover(int errorOffset) {
        int lineEnd = src.indexOf('\n', errorOffset);
        int p = lineEnd < 0 ? src.length() : lineEnd + 1;
        while (p < src.length() && !Lexer.isIdentStart(src.charAt(p))) {
            int next = src.indexOf('\n', p);
            p = next < 0 ? src.length() : next + 1;
        }
        lexer.reset(p);
        peeked = null;
        newlines = true;
        depth = 0;
    }
}
