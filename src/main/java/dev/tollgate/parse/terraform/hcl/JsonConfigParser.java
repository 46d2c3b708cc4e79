package dev.tollgate.parse.terraform.hcl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Terraform's JSON configuration syntax ({@code *.tf.json}) read into the same positioned tree as native syntax, so
 * the evaluator needs no second path. Terraform knows from provider schemas which JSON objects are blocks; without
 * them the rules here are:
 *
 * <ul>
 *   <li>the top level names block types; {@code resource} and {@code data} take two label levels, {@code variable},
 *       {@code output}, {@code module}, {@code provider} and {@code check} one, the others none; an array at any
 *       level stands for several blocks;</li>
 *   <li>strings are templates ({@code "${var.x}"}), except a variable's {@code default} (a literal value) and its
 *       {@code type} (a type expression written as a string);</li>
 *   <li>in {@code resource}/{@code data} bodies, and the nested blocks within them, an object (or an array of
 *       objects) is a nested block, as Terraform reads it for a block type, except {@code tags}, {@code tags_all}
 *       and {@code labels}, which are maps; {@code locals}, {@code module} and {@code output} bodies hold only
 *       attributes;</li>
 *   <li>a {@code "//"} property of a block body is a comment.</li>
 * </ul>
 *
 * <p>Like {@link HclParser#parse}, it never throws: invalid JSON comes back as a located diagnostic.
 */
public final class JsonConfigParser {

    private static final Set<String> MAP_ATTRIBUTES = Set.of("tags", "tags_all", "labels");
    private static final Set<String> ATTRIBUTES_ONLY = Set.of("locals", "module", "output");

    private final HclSource source;
    private final String src;
    /** {@link #src} as an array, for the template parser of each string with an interpolation (see Lexer). */
    private final char[] chars;
    private final List<HclDiagnostic> diagnostics = new ArrayList<>();
    private int pos;
    private int depth;

    private JsonConfigParser(HclSource source, char[] chars) {
        this.source = source;
        this.src = source.text();
        this.chars = chars;
    }

    /** Parses {@code text} (the content of a {@code .tf.json} file); {@code fileName} only labels positions. */
    public static HclFile parse(String text, String fileName) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        char[] chars = t.toCharArray();
        HclSource hclSource = new HclSource(fileName, t, chars);
        JsonConfigParser p = new JsonConfigParser(hclSource, chars);
        Body empty = new Body(List.of(), List.of(), hclSource.range(0, t.length()));
        try {
            Node root = p.document();
            if (!(root instanceof Obj obj)) {
                return new HclFile(hclSource, empty, List.of(new HclDiagnostic(
                        "Invalid JSON configuration: the root must be an object of block types", root.range(p))));
            }
            Body body = p.topLevel(obj);
            return new HclFile(hclSource, body, p.diagnostics);
        } catch (JsonError e) {
            return new HclFile(hclSource, empty, List.of(e.diagnostic));
        } catch (RuntimeException e) {
            // A bug of ours must not take the caller down with it: report it like a syntax error at the start.
            return new HclFile(hclSource, empty, List.of(new HclDiagnostic("Internal parser error: " + e,
                    hclSource.range(0, 0))));
        }
    }

    // ---- mapping JSON onto blocks and attributes ---------------------------------------------------------------

    private Body topLevel(Obj root) {
        List<Block> blocks = new ArrayList<>();
        for (Member m : root.members()) {
            if (m.key().value().equals("//")) {
                continue;
            }
            String type = m.key().value();
            int labels = switch (type) {
                case "resource", "data" -> 2;
                case "variable", "output", "module", "provider", "check" -> 1;
                default -> 0;
            };
            blocks(type, m.key(), m.value(), labels, new ArrayList<>(), new ArrayList<>(), blocks);
        }
        return new Body(List.of(), blocks, root.range(this));
    }

    /** The block(s) of {@code type} that {@code value} holds, {@code labels} label levels still to read. */
    private void blocks(String type, Str typeKey, Node value, int labels, List<String> labelValues,
            List<SourceRange> labelRanges, List<Block> out) {
        if (value instanceof Arr arr) {
            for (Node element : arr.elements()) {
                blocks(type, typeKey, element, labels, labelValues, labelRanges, out);
            }
            return;
        }
        if (!(value instanceof Obj obj)) {
            diagnostics.add(new HclDiagnostic("Invalid JSON configuration: a " + type + " block must be an object",
                    value.range(this)));
            return;
        }
        if (labels > 0) {
            for (Member m : obj.members()) {
                List<String> values = new ArrayList<>(labelValues);
                values.add(m.key().value());
                List<SourceRange> ranges = new ArrayList<>(labelRanges);
                ranges.add(m.key().range(this));
                blocks(type, typeKey, m.value(), labels - 1, values, ranges, out);
            }
            return;
        }
        SourceRange typeRange = typeKey.range(this);
        out.add(new Block(type, labelValues, body(type, obj), typeRange.to(obj.range(this)), typeRange,
                labelRanges));
    }

    private Body body(String blockType, Obj obj) {
        List<Attribute> attributes = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        boolean nestedBlocks = !ATTRIBUTES_ONLY.contains(blockType) && !blockType.equals("variable");
        for (Member m : obj.members()) {
            String name = m.key().value();
            if (name.equals("//")) {
                continue;
            }
            Node v = m.value();
            if (blockType.equals("variable") && name.equals("validation")) {
                blocks("validation", m.key(), v, 0, new ArrayList<>(), new ArrayList<>(), blocks);
            } else if (nestedBlocks && (name.equals("dynamic") || name.equals("provisioner"))) {
                blocks(name, m.key(), v, 1, new ArrayList<>(), new ArrayList<>(), blocks);
            } else if (nestedBlocks && !MAP_ATTRIBUTES.contains(name) && isBlockValue(v)) {
                blocks(name, m.key(), v, 0, new ArrayList<>(), new ArrayList<>(), blocks);
            } else {
                Expression e = blockType.equals("variable") && name.equals("default") ? literal(v)
                        : blockType.equals("variable") && name.equals("type") ? typeExpression(v)
                        : expression(v);
                SourceRange nameRange = m.key().range(this);
                attributes.add(new Attribute(name, e, nameRange, nameRange.to(v.range(this))));
            }
        }
        return new Body(attributes, blocks, obj.range(this));
    }

    private static boolean isBlockValue(Node v) {
        return v instanceof Obj || v instanceof Arr a && !a.elements().isEmpty()
                && a.elements().stream().allMatch(e -> e instanceof Obj);
    }

    /** A value in expression mode: strings are templates. */
    private Expression expression(Node n) {
        if (n instanceof Str s) {
            return template(s);
        }
        if (n instanceof Arr a) {
            return new Expression.Tuple(a.elements().stream().map(this::expression).toList(), a.range(this));
        }
        if (n instanceof Obj o) {
            return new Expression.ObjectCons(o.members().stream().map(m -> new Expression.ObjectItem(
                    literalString(m.key()), expression(m.value()), false)).toList(), o.range(this));
        }
        return literal(n);
    }

    /** A value in literal mode: strings are plain strings. */
    private Expression literal(Node n) {
        if (n instanceof Str s) {
            return literalString(s);
        }
        if (n instanceof Num num) {
            return new Expression.NumberLiteral(num.value(), num.range(this));
        }
        if (n instanceof Bool b) {
            return new Expression.BoolLiteral(b.value(), b.range(this));
        }
        if (n instanceof Arr a) {
            return new Expression.Tuple(a.elements().stream().map(this::literal).toList(), a.range(this));
        }
        if (n instanceof Obj o) {
            return new Expression.ObjectCons(o.members().stream().map(m -> new Expression.ObjectItem(
                    literalString(m.key()), literal(m.value()), false)).toList(), o.range(this));
        }
        return new Expression.NullLiteral(n.range(this));
    }

    private Expression.Template literalString(Str s) {
        SourceRange r = s.range(this);
        List<TemplatePart> parts = s.value().isEmpty() ? List.of() : List.of(new TemplatePart.Literal(s.value(), r));
        return new Expression.Template(parts, false, r);
    }

    /** A string read as a template in place; one that is not a valid template stays a plain string. */
    private Expression template(Str s) {
        if (!s.value().contains("${") && !s.value().contains("%{")) {
            return literalString(s);
        }
        List<HclDiagnostic> errors = new ArrayList<>();
        Expression.Template t = Parser.templateAt(source, chars, s.start(), errors);
        if (t == null) {
            diagnostics.add(new HclDiagnostic("Invalid template in JSON string: "
                    + (errors.isEmpty() ? "" : errors.get(0).message()), s.range(this)));
            return literalString(s);
        }
        return t;
    }

    /** {@code "type": "list(string)"}: the string holds a type expression. */
    private Expression typeExpression(Node n) {
        if (!(n instanceof Str s)) {
            return literal(n);
        }
        HclFile f = HclParser.parse("type = " + s.value() + "\n", source.fileName());
        if (f.hasErrors() || f.body().attributes().isEmpty()) {
            return literalString(s);
        }
        return f.body().attributes().get(0).expr();
    }

    // ---- JSON with positions -----------------------------------------------------------------------------------

    private sealed interface Node permits Obj, Arr, Str, Num, Bool, Null {
        int start();

        int end();

        default SourceRange range(JsonConfigParser p) {
            return p.source.range(start(), end());
        }
    }

    private record Member(Str key, Node value) {
    }

    private record Obj(List<Member> members, int start, int end) implements Node {
    }

    private record Arr(List<Node> elements, int start, int end) implements Node {
    }

    private record Str(String value, int start, int end) implements Node {
    }

    private record Num(BigDecimal value, int start, int end) implements Node {
    }

    private record Bool(boolean value, int start, int end) implements Node {
    }

    private record Null(int start, int end) implements Node {
    }

    private static final class JsonError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient HclDiagnostic diagnostic;

        JsonError(HclDiagnostic diagnostic) {
            super(diagnostic.message(), null, false, false);
            this.diagnostic = diagnostic;
        }
    }

    private JsonError error(String message) {
        int at = Math.min(pos, src.length());
        return new JsonError(new HclDiagnostic("Invalid JSON: " + message, source.range(at, at)));
    }

    private Node document() {
        Node n = value();
        skipSpace();
        if (pos < src.length()) {
            throw error("extra characters after the top-level value");
        }
        return n;
    }

    private Node value() {
        skipSpace();
        if (pos >= src.length()) {
            throw error("unexpected end of file");
        }
        char c = src.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> keyword("true", new Bool(true, pos, pos + 4));
            case 'f' -> keyword("false", new Bool(false, pos, pos + 5));
            case 'n' -> keyword("null", new Null(pos, pos + 4));
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    yield number();
                }
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private Node keyword(String word, Node node) {
        if (!src.startsWith(word, pos)) {
            throw error("unexpected characters");
        }
        pos += word.length();
        return node;
    }

    private Obj object() {
        int start = pos++;
        enter();
        List<Member> members = new ArrayList<>();
        skipSpace();
        if (peekIs('}')) {
            pos++;
            depth--;
            return new Obj(members, start, pos);
        }
        while (true) {
            skipSpace();
            if (!peekIs('"')) {
                throw error("expected a property name in quotes");
            }
            Str key = string();
            skipSpace();
            if (!peekIs(':')) {
                throw error("expected ':' after a property name");
            }
            pos++;
            members.add(new Member(key, value()));
            skipSpace();
            if (peekIs(',')) {
                pos++;
            } else if (peekIs('}')) {
                pos++;
                depth--;
                return new Obj(members, start, pos);
            } else {
                throw error("expected ',' or '}' in an object");
            }
        }
    }

    private Arr array() {
        int start = pos++;
        enter();
        List<Node> elements = new ArrayList<>();
        skipSpace();
        if (peekIs(']')) {
            pos++;
            depth--;
            return new Arr(elements, start, pos);
        }
        while (true) {
            elements.add(value());
            skipSpace();
            if (peekIs(',')) {
                pos++;
            } else if (peekIs(']')) {
                pos++;
                depth--;
                return new Arr(elements, start, pos);
            } else {
                throw error("expected ',' or ']' in an array");
            }
        }
    }

    private void enter() {
        if (++depth > Parser.MAX_DEPTH) {
            throw error("nested too deeply");
        }
    }

    private Str string() {
        int start = pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == '"') {
                return new Str(sb.toString(), start, pos);
            }
            if (c == '\\') {
                if (pos >= src.length()) {
                    break;
                }
                char e = src.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos + 4 > src.length()) {
                            throw error("incomplete \\u escape");
                        }
                        try {
                            sb.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("invalid \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw error("invalid escape \\" + e);
                }
            } else if (c < 0x20) {
                pos--;
                throw error("control character in a string");
            } else {
                sb.append(c);
            }
        }
        throw error("unterminated string");
    }

    private Num number() {
        int start = pos;
        if (peekIs('-')) {
            pos++;
        }
        while (pos < src.length() && "0123456789.eE+-".indexOf(src.charAt(pos)) >= 0) {
            pos++;
        }
        try {
            return new Num(new BigDecimal(src.substring(start, pos)), start, pos);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("invalid number");
        }
    }

    private boolean peekIs(char c) {
        return pos < src.length() && src.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }
}
