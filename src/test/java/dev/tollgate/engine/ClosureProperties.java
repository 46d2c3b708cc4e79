package dev.tollgate.engine;

import com.google.protobuf.NullValue;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;
import dev.tollgate.engine.closure.Bail;
import dev.tollgate.engine.closure.ClosureProgram;
import dev.tollgate.engine.closure.Unknown;
import dev.tollgate.testing.Choices;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Closures ({@code engine/closure}) against cel-java's interpreter on random expressions and random values: a closure
 * may bail whenever it likes, but when it answers, its answer must be cel-java's (an unknown where cel-java gives an
 * unknown set), and it must never answer where cel-java errs. {@link ClosureDifferentialTest} holds hand-picked
 * cases; this explores their combinations.
 *
 * <p>Expressions are built over the grammar closures cover, type-aware (mostly {@code dyn} operands: selections of
 * {@code item} and {@code dyn(...)}) so that most of them pass cel-java's type checker; those that do not are counted
 * and skipped. Values are drawn for the edges: empty, white-space, non-ASCII and surrogate-pair strings, longs beyond
 * 2^53, NaN and -0.0, data nulls, unknowns (a Java null) as map values and as the whole item, nested maps and lists.
 *
 * <p>Both are drawn from a stream of random choices (a list of ints, 0 meaning "the simplest"), so that jqwik's
 * shrinking of the list shrinks a failing expression and its values too.
 */
class ClosureProperties {

    private final CelEnvironment env = new CelEnvironment(PrecompiledExpressions.none());

    /** Keys of generated maps, and the fields expressions select; most have a usual kind (see {@link Values#item}). */
    private static final List<String> KEYS = List.of("s", "n", "d", "l", "m", "t", "u", "a", "b");

    private static final List<String> STRINGS = List.of("", "a", " ", "abc", "Hello World", " x ", "\t\n", "A",
            "é", "ÄÖ ü", "\u00a0x\u00a0", "😀", "a😀b", ",", "a,b", "a,,b,", "1", "-5", "+007", "1.5", " 1", "NaN",
            "true", "YES", "on", "${VAR}", "changeme", "<secret>", "https://u:p@db.internal:5432/x", "DB_PASSWORD",
            "API_KEY_ID", "s", "n", "l", "m", "x", "0x10", "9223372036854775807", "\u2028", "a.b", "*", "1d", "1e3",
            "Infinity", "-0", "١٢", "１",
            "\u001f", "\u000bx", "\u0085", "\u0000", "ß", "İ", "postgres:15.2", "512Mi", "1.2.3");
    private static final List<Long> LONGS = List.of(0L, 1L, -1L, 2L, 5L, 3L, 10L, 100L, Long.MAX_VALUE,
            Long.MIN_VALUE, 1L << 53, (1L << 53) + 1, -(1L << 53) - 1, 4_000_000_000L, -7L);
    private static final List<Double> DOUBLES = List.of(0.0, 1.0, 2.5, -0.0, Double.NaN, 5.0, -1.5, 0.1, 1e20,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 9.007199254740992E15, 3.0, 1e-300);
    private static final List<String> REGEXES = List.of("a", "^H.*d$", "o W", "", "[", "^[a-z]+$", "(?i)abc",
            "\\\\d+", "^$", ".*,.*", "é|😀");
    private static final List<String> TYPES = List.of("map", "list", "string", "int", "double", "bool",
            "null_type");

    /** The static types expressions are built for; {@code DYN} fits anywhere. */
    enum Kind { BOOL, INT, DOUBLE, STRING, LIST, MAP, DYN }

    private static final List<Kind> OPERAND_KINDS = List.of(Kind.DYN, Kind.DYN, Kind.DYN, Kind.INT, Kind.STRING,
            Kind.BOOL, Kind.DOUBLE, Kind.LIST, Kind.MAP);

    /** Builds one expression from a stream of choices. */
    static final class Expressions {
        private final Choices c;
        /** Comprehension and cel.bind variables in scope, innermost last. */
        private final List<String> scope = new ArrayList<>();
        private int names;

        Expressions(Choices c) {
            this.c = c;
        }

        String top() {
            // Conditions are bools and messages strings; other kinds are compared too (never a type or optional).
            Kind kind = c.chance(80) ? Kind.BOOL : c.pick(List.of(Kind.STRING, Kind.INT, Kind.LIST, Kind.MAP,
                    Kind.DOUBLE, Kind.DYN));
            return gen(kind, 4);
        }

        String gen(Kind kind, int depth) {
            if (depth <= 0 || !c.chance(65)) {
                return leaf(kind);
            }
            int d = depth - 1;
            return switch (kind) {
                case BOOL -> bool(d);
                case INT -> integer(d);
                case DOUBLE -> real(d);
                case STRING -> string(d);
                case LIST -> list(d);
                case MAP -> map(d);
                case DYN -> dyn(d);
            };
        }

        private String any(int depth) {
            return gen(c.pick(OPERAND_KINDS), depth);
        }

        private String key() {
            return c.pick(KEYS);
        }

        private String field() {
            return "item." + key();
        }

        private String leaf(Kind kind) {
            if (!scope.isEmpty() && c.chance(30)) {
                String name = scope.get(scope.size() - 1 - c.next(Math.min(2, scope.size())));
                return kind == Kind.DYN || c.chance(50) ? name : "dyn(" + name + ")";
            }
            return switch (kind) {
                case BOOL -> switch (c.next(6)) {
                    case 0 -> "true";
                    case 1 -> "false";
                    case 2 -> "has(" + field() + ")";
                    case 3 -> "has(item.m." + key() + ")";
                    default -> field();
                };
                case INT -> c.chance(50) ? field() : intLiteral(c.pick(LONGS));
                case DOUBLE -> c.chance(50) ? field() : doubleLiteral(c.pick(DOUBLES));
                case STRING -> switch (c.next(5)) {
                    case 0, 1 -> stringLiteral(c.pick(STRINGS));
                    case 2 -> "meta.file";
                    default -> field();
                };
                case LIST -> switch (c.next(6)) {
                    case 0 -> "[]";
                    case 1 -> "['a', 'b', '']";
                    case 2 -> "[1, 2.5, 'x', null]";
                    case 3 -> "related";
                    default -> field();
                };
                case MAP -> switch (c.next(6)) {
                    case 0 -> "{}";
                    case 1 -> "{'a': 1, 's': 'x'}";
                    case 2 -> "item";
                    case 3 -> "meta";
                    default -> field();
                };
                case DYN -> switch (c.next(8)) {
                    case 0 -> "item";
                    case 1 -> "item.m." + key();
                    case 2 -> "resource." + key();
                    case 3 -> "item['" + key() + "']";
                    case 4 -> "dyn(" + leaf(c.pick(List.of(Kind.INT, Kind.STRING, Kind.DOUBLE, Kind.BOOL,
                            Kind.LIST, Kind.MAP))) + ")";
                    case 5 -> "null";
                    default -> field();
                };
            };
        }

        private String bool(int d) {
            return switch (c.next(31)) {
                case 0 -> "!" + gen(Kind.BOOL, d);
                case 1, 2 -> "(" + gen(Kind.BOOL, d) + " && " + gen(Kind.BOOL, d) + ")";
                case 3, 4 -> "(" + gen(Kind.BOOL, d) + " || " + gen(Kind.BOOL, d) + ")";
                case 5 -> "(" + gen(Kind.BOOL, d) + " ? " + gen(Kind.BOOL, d) + " : " + gen(Kind.BOOL, d) + ")";
                case 6, 7 -> comparison(c.pick(List.of("==", "!=")), d);
                case 8, 9 -> ordering(d);
                case 10 -> any(d) + " in " + gen(Kind.LIST, d);
                case 11 -> gen(Kind.STRING, d) + " in " + gen(Kind.MAP, d);
                case 12 -> gen(Kind.STRING, d) + "." + c.pick(List.of("contains", "startsWith", "endsWith"))
                        + "(" + gen(Kind.STRING, d) + ")";
                case 13 -> c.chance(50) ? gen(Kind.STRING, d) + ".matches(" + regex() + ")"
                        : "matches(" + gen(Kind.STRING, d) + ", " + regex() + ")";
                case 14, 15 -> macro(c.pick(List.of("all", "exists", "exists_one")), Kind.BOOL, d);
                case 16 -> "type(" + any(d) + ") " + c.pick(List.of("==", "!=")) + " " + c.pick(TYPES);
                case 17 -> "placeholder(" + any(d) + ")";
                case 18 -> "truthy(" + any(d) + ")";
                case 19 -> "is_map(" + any(d) + ")";
                case 20 -> "secret_name(" + gen(Kind.STRING, d) + ")";
                case 21 -> bind(Kind.BOOL, d);
                case 22 -> optional(Kind.BOOL, d);
                case 23 -> "has(" + gen(Kind.DYN, d) + "." + key() + ")";
                case 24 -> "(" + gen(Kind.BOOL, d) + " == " + gen(Kind.BOOL, d) + ")";
                case 25 -> "type(" + any(d) + ") == type(" + any(d) + ")";
                case 26 -> "(version_compare(" + gen(Kind.STRING, d) + ", " + gen(Kind.STRING, d) + ") "
                        + c.pick(List.of("<", "==", ">=")) + " 0)";
                case 27 -> "(size_bytes(" + gen(Kind.STRING, d) + ", " + stringLiteral(c.pick(List.of("kubernetes",
                        "docker", "redis"))) + ") > " + gen(Kind.INT, d) + ")";
                case 28 -> "(image(" + gen(Kind.STRING, d) + ")." + c.pick(List.of("tag", "name", "registry"))
                        + " == " + gen(Kind.STRING, d) + ")";
                case 29 -> "(shell_words(" + any(d) + ") == " + gen(Kind.LIST, d) + ")";
                default -> "is_map(url(" + gen(Kind.STRING, d) + "))";
            };
        }

        private String comparison(String op, int d) {
            Kind kind = c.pick(OPERAND_KINDS);
            Kind other = c.chance(70) ? kind : Kind.DYN;
            return "(" + gen(kind, d) + " " + op + " " + gen(other, d) + ")";
        }

        private String ordering(int d) {
            Kind left = c.pick(List.of(Kind.DYN, Kind.INT, Kind.DOUBLE, Kind.INT, Kind.STRING));
            Kind right = left == Kind.STRING ? Kind.STRING : c.pick(List.of(Kind.DYN, Kind.INT, Kind.DOUBLE));
            return "(" + gen(left, d) + " " + c.pick(List.of("<", "<=", ">", ">=")) + " " + gen(right, d) + ")";
        }

        private String integer(int d) {
            return switch (c.next(9)) {
                case 0 -> "(" + gen(Kind.INT, d) + " + " + gen(Kind.INT, d) + ")";
                case 1 -> "size(" + any(d) + ")";
                case 2 -> any(d) + ".size()";
                case 3 -> gen(Kind.STRING, d) + ".indexOf(" + gen(Kind.STRING, d) + ")";
                case 4 -> "int(" + any(d) + ")";
                case 5 -> "(" + gen(Kind.BOOL, d) + " ? " + gen(Kind.INT, d) + " : " + gen(Kind.INT, d) + ")";
                case 6 -> bind(Kind.INT, d);
                case 7 -> "size(" + macro("filter", Kind.BOOL, d) + ")";
                default -> optional(Kind.INT, d);
            };
        }

        private String real(int d) {
            return switch (c.next(4)) {
                case 0 -> "(" + gen(Kind.DOUBLE, d) + " + " + gen(Kind.DOUBLE, d) + ")";
                case 1 -> "double(" + any(d) + ")";
                case 2 -> "(" + gen(Kind.BOOL, d) + " ? " + gen(Kind.DOUBLE, d) + " : " + gen(Kind.DOUBLE, d) + ")";
                default -> bind(Kind.DOUBLE, d);
            };
        }

        private String string(int d) {
            return switch (c.next(15)) {
                case 0 -> "(" + gen(Kind.STRING, d) + " + " + gen(Kind.STRING, d) + ")";
                case 1 -> "string(" + any(d) + ")";
                case 2 -> gen(Kind.STRING, d) + "." + c.pick(List.of("lowerAscii", "upperAscii", "trim")) + "()";
                case 3 -> gen(Kind.STRING, d) + ".replace(" + gen(Kind.STRING, d) + ", " + gen(Kind.STRING, d) + ")";
                case 4 -> gen(Kind.STRING, d) + ".substring(" + gen(Kind.INT, d) + ")";
                case 5 -> gen(Kind.STRING, d) + ".substring(" + gen(Kind.INT, d) + ", " + gen(Kind.INT, d) + ")";
                case 6 -> gen(Kind.LIST, d) + ".join()";
                case 7 -> gen(Kind.LIST, d) + ".join(" + gen(Kind.STRING, d) + ")";
                case 8 -> "first_key(" + any(d) + ")";
                case 9 -> "url(" + gen(Kind.STRING, d) + ")." + c.pick(List.of("scheme", "host", "path", "user"));
                case 10 -> "(" + gen(Kind.BOOL, d) + " ? " + gen(Kind.STRING, d) + " : " + gen(Kind.STRING, d) + ")";
                case 11 -> bind(Kind.STRING, d);
                case 13 -> "known_string_at(" + any(d) + ", " + stringLiteral(c.pick(List.of("/s", "/m/a", "/l/0",
                        "", "/u"))) + ")";
                case 12 -> gen(Kind.STRING, d) + ".split(" + gen(Kind.STRING, d) + ")[" + gen(Kind.INT, d) + "]";
                default -> optional(Kind.STRING, d);
            };
        }

        private String list(int d) {
            return switch (c.next(9)) {
                case 0 -> "(" + gen(Kind.LIST, d) + " + " + gen(Kind.LIST, d) + ")";
                case 1 -> gen(Kind.STRING, d) + ".split(" + gen(Kind.STRING, d) + ")";
                case 2 -> macro("map", c.pick(OPERAND_KINDS), d);
                case 3 -> macro("filter", Kind.BOOL, d);
                case 4 -> "[" + any(d) + "]";
                case 5 -> "[" + any(d) + ", " + any(d) + "]";
                case 6 -> "(" + gen(Kind.BOOL, d) + " ? " + gen(Kind.LIST, d) + " : " + gen(Kind.LIST, d) + ")";
                case 7 -> bind(Kind.LIST, d);
                default -> optional(Kind.LIST, d);
            };
        }

        private String map(int d) {
            return switch (c.next(6)) {
                case 0 -> "{'" + key() + "': " + any(d) + "}";
                case 1 -> "{'" + key() + "': " + any(d) + ", '" + key() + "': " + any(d) + "}";
                case 2 -> "{" + gen(Kind.STRING, d) + ": " + any(d) + "}";
                case 3 -> "url(" + gen(Kind.STRING, d) + ")";
                case 4 -> "(" + gen(Kind.BOOL, d) + " ? " + gen(Kind.MAP, d) + " : " + gen(Kind.MAP, d) + ")";
                default -> bind(Kind.MAP, d);
            };
        }

        private String dyn(int d) {
            return switch (c.next(10)) {
                case 0 -> "dyn(" + any(d) + ")";
                case 1, 2 -> gen(c.pick(List.of(Kind.DYN, Kind.MAP)), d) + "." + key();
                case 3 -> gen(c.pick(List.of(Kind.DYN, Kind.MAP)), d) + "[" + gen(Kind.STRING, d) + "]";
                case 4 -> gen(c.pick(List.of(Kind.DYN, Kind.LIST)), d) + "[" + gen(Kind.INT, d) + "]";
                case 5 -> optional(Kind.DYN, d);
                case 6 -> bind(Kind.DYN, d);
                case 7 -> "(" + gen(Kind.BOOL, d) + " ? " + gen(Kind.DYN, d) + " : " + gen(Kind.DYN, d) + ")";
                case 8 -> "resource";
                default -> "dyn(" + macro("map", c.pick(OPERAND_KINDS), d) + ")";
            };
        }

        /** {@code x.?k.orValue(v)}, {@code x[?k]...}, {@code l[?i]...}, chained optional selection. */
        private String optional(Kind kind, int d) {
            String otherwise = gen(kind, d);
            return switch (c.next(4)) {
                case 0 -> gen(c.pick(List.of(Kind.DYN, Kind.MAP)), d) + ".?" + key() + ".orValue(" + otherwise + ")";
                case 1 -> gen(c.pick(List.of(Kind.DYN, Kind.MAP)), d) + "[?" + gen(Kind.STRING, d) + "].orValue("
                        + otherwise + ")";
                case 2 -> gen(c.pick(List.of(Kind.DYN, Kind.LIST)), d) + "[?" + gen(Kind.INT, d) + "].orValue("
                        + otherwise + ")";
                default -> field() + ".?" + key() + ".?" + key() + ".orValue(" + otherwise + ")";
            };
        }

        private String macro(String name, Kind body, int d) {
            String range = gen(c.pick(List.of(Kind.DYN, Kind.LIST, Kind.LIST, Kind.MAP)), d);
            String variable = name("v");
            scope.add(variable);
            String b = gen(body, d);
            String out;
            if (name.equals("map") && c.chance(20)) {
                String filter = gen(Kind.BOOL, d); // the three-argument map: filter, then transform
                out = range + ".map(" + variable + ", " + filter + ", " + b + ")";
            } else {
                out = range + "." + name + "(" + variable + ", " + b + ")";
            }
            scope.remove(scope.size() - 1);
            return out;
        }

        private String bind(Kind kind, int d) {
            String init = any(d);
            String variable = name("b");
            scope.add(variable);
            String body = gen(kind, d);
            scope.remove(scope.size() - 1);
            return "cel.bind(" + variable + ", " + init + ", " + body + ")";
        }

        /** A fresh name, or sometimes one already in scope, which the new binding then shadows. */
        private String name(String prefix) {
            return !scope.isEmpty() && c.chance(20) ? c.pick(scope) : prefix + names++;
        }

        private String regex() {
            return stringLiteral(c.pick(REGEXES).replace("\\\\", "\\"));
        }
    }

    static String intLiteral(long v) {
        // -9223372036854775808 does not parse as a literal (its magnitude overflows before the minus applies).
        return v == Long.MIN_VALUE ? "int('-9223372036854775808')" : v < 0 ? "(" + v + ")" : Long.toString(v);
    }

    static String doubleLiteral(double v) {
        if (Double.isNaN(v)) {
            return "double('NaN')";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "double('Infinity')" : "double('-Infinity')";
        }
        String s = Double.toString(v);
        return s.startsWith("-") ? "(" + s + ")" : s;
    }

    static String stringLiteral(String s) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(ch);
            }
        }
        return out.append('\'').toString();
    }

    /** Builds variable values from a stream of choices. */
    static final class Values {
        private final Choices c;

        Values(Choices c) {
            this.c = c;
        }

        /** Mostly a map whose keys usually hold their usual kind; sometimes unknown as a whole, or not a map. */
        Object item() {
            int kind = c.next(20);
            if (kind == 19) {
                return null;
            }
            if (kind == 18) {
                return value(2);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (String key : KEYS) {
                if (c.chance(20)) {
                    continue;
                }
                out.put(key, c.chance(25) ? valueOrUnknown(2) : usual(key));
            }
            return out;
        }

        private Object usual(String key) {
            return switch (key) {
                case "s" -> string();
                case "n" -> c.pick(LONGS);
                case "d" -> c.pick(DOUBLES);
                case "l" -> list(2);
                case "m" -> map(2);
                case "t" -> c.chance(50);
                case "u" -> c.chance(70) ? null : value(1);
                default -> valueOrUnknown(2);
            };
        }

        private Object valueOrUnknown(int depth) {
            return c.chance(10) ? null : value(depth);
        }

        Object value(int depth) {
            return switch (c.next(depth > 0 ? 8 : 6)) {
                case 0 -> string();
                case 1 -> c.pick(LONGS);
                case 2 -> c.pick(DOUBLES);
                case 3 -> c.chance(50);
                case 4 -> NullValue.NULL_VALUE;
                case 5 -> c.chance(50) ? string() : (Object) (long) (c.next(7) - 3);
                case 6 -> map(depth - 1);
                default -> list(depth - 1);
            };
        }

        private Map<String, Object> map(int depth) {
            Map<String, Object> out = new LinkedHashMap<>();
            int n = c.next(4);
            for (int i = 0; i < n; i++) {
                out.put(c.chance(80) ? c.pick(KEYS) : string(), valueOrUnknown(depth));
            }
            return out;
        }

        /** Lists never hold a Java null (CelValues makes a list with an unknown element unknown as a whole). */
        private List<Object> list(int depth) {
            List<Object> out = new ArrayList<>();
            int n = c.next(4);
            for (int i = 0; i < n; i++) {
                out.add(c.chance(60) ? string() : value(depth));
            }
            return out;
        }

        private String string() {
            if (c.chance(70)) {
                return c.pick(STRINGS);
            }
            StringBuilder out = new StringBuilder();
            int n = c.next(5);
            for (int i = 0; i < n; i++) {
                // Lone surrogate halves too: data (JSON escapes) can hold them, literals cannot.
                out.append(c.pick(List.of("a", "B", " ", ",", "é", "😀", "\u00a0", ".", "1", "\t", "\ud83d",
                        "\ude00")));
            }
            return out.toString();
        }
    }

    /**
     * The variables of one evaluation: {@code item} and {@code resource} drawn, {@code meta} and {@code related} set.
     */
    record Inputs(Object resource, Object item) {

        Map<String, Object> forCelJava() {
            Map<String, Object> vars = new HashMap<>(); // a Java null is an unknown to cel-java
            vars.put("resource", resource);
            vars.put("item", item);
            vars.put("meta", META);
            vars.put("related", RELATED);
            return vars;
        }

        Object variable(int index) {
            return switch (index) {
                case 0 -> resource;
                case 1 -> item;
                case 2 -> META;
                default -> RELATED;
            };
        }
    }

    private static final Map<String, Object> META = Map.of("name", "api", "file", "svc/.env.production",
            "key", "s", "pointer", "/s");
    private static final List<Object> RELATED = List.of(Map.of("s", "x"));

    private static Arbitrary<List<Integer>> choices(int maxSize) {
        return Arbitraries.integers().between(0, 9999).list().ofMaxSize(maxSize);
    }

    @Provide
    Arbitrary<String> expressions() {
        return choices(300).map(c -> new Expressions(new Choices(c)).top());
    }

    @Provide
    Arbitrary<List<Inputs>> inputs() {
        Arbitrary<Object> value = choices(120).map(c -> new Values(new Choices(c)).item());
        Arbitrary<Inputs> one = value.flatMap(item -> value.map(resource -> new Inputs(resource, item)));
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 3000)
    void closuresAnswerAsCelJavaDoes_orBail(@ForAll("expressions") String expression,
            @ForAll("inputs") List<Inputs> inputs) throws Exception {
        // Checked over all tries: most expressions must type-check, and closures must answer, not just bail.
        Statistics.label("expression").coverage(check -> check.check("compiled").percentage(p -> p >= 70));
        Statistics.label("evaluation").coverage(check -> check.check("answered").percentage(p -> p >= 30));
        CelAbstractSyntaxTree ast;
        try {
            ast = env.compileNow(expression);
        } catch (CelValidationException e) {
            Statistics.label("expression").collect("does not type-check");
            return;
        }
        ClosureProgram closure = env.closure(ast);
        if (closure == null) {
            Statistics.label("expression").collect("no closure");
            return;
        }
        Statistics.label("expression").collect("compiled");
        CelRuntime.Program program = env.program(ast);
        for (Inputs in : inputs) {
            Object expected;
            try {
                expected = program.eval(in.forCelJava());
            } catch (Exception e) {
                expected = e;
            } catch (StackOverflowError e) {
                // cel-java's lazy cel.bind can recurse without end (ClosureCompiler leaves those expressions to it)
                expected = new IllegalStateException("cel-java overflowed its stack", e);
            }
            Object actual;
            try {
                actual = closure.eval(in::variable);
            } catch (Bail b) {
                Statistics.label("evaluation").collect(
                        expected instanceof Exception ? "bailed, cel-java erred" : "bailed, cel-java answered");
                continue;
            }
            String where = expression + "\n  item: " + show(in.item()) + "\n  resource: " + show(in.resource())
                    + "\n  cel-java: " + show(expected) + "\n  closure: " + show(actual);
            if (expected instanceof Exception) {
                throw new AssertionError("closure answered where cel-java erred: " + where, (Exception) expected);
            }
            if (!same(expected, actual)) {
                throw new AssertionError("closure answered differently: " + where);
            }
            Statistics.label("evaluation").collect(actual == Unknown.VALUE ? "answered unknown" : "answered");
        }
    }

    /** cel-java's value and a closure's are the same: same kinds, equal scalars (NaN and -0.0 exactly), deeply. */
    static boolean same(Object expected, Object actual) {
        if (actual == Unknown.VALUE || expected instanceof CelUnknownSet) {
            return actual == Unknown.VALUE && expected instanceof CelUnknownSet;
        }
        if (expected == null || actual == null) {
            return expected == actual; // an unknown inside a map given as input, handed back as it was
        }
        if (expected instanceof List<?> l) {
            if (!(actual instanceof List<?> m) || l.size() != m.size()) {
                return false;
            }
            for (int i = 0; i < l.size(); i++) {
                if (!same(l.get(i), m.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof Map<?, ?> l) {
            if (!(actual instanceof Map<?, ?> m) || l.size() != m.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : l.entrySet()) {
                if (!m.containsKey(e.getKey()) || !same(e.getValue(), m.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof Optional<?> o) {
            return actual instanceof Optional<?> p && o.isPresent() == p.isPresent()
                    && (o.isEmpty() || same(o.get(), p.get()));
        }
        return expected.getClass() == actual.getClass() && Objects.equals(expected, actual);
    }

    private static String show(Object v) {
        if (v == null) {
            return "<unknown>";
        }
        if (v instanceof String s) {
            return stringLiteral(s);
        }
        if (v instanceof Exception e) {
            return "error: " + e.getMessage();
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(x -> parts.add(show(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(show(k) + ": " + show(x)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof Long || v instanceof Double || v instanceof Boolean) {
            return v + " (" + v.getClass().getSimpleName() + ")";
        }
        return v + " (" + v.getClass().getName() + ")";
    }
}
