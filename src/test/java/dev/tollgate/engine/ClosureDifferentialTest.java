package dev.tollgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.NullValue;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;
import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.engine.closure.Bail;
import dev.tollgate.engine.closure.ClosureProgram;
import dev.tollgate.engine.closure.Unknown;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.parse.Parsers;
import dev.tollgate.policy.BundledPolicies;
import dev.tollgate.policy.Policy;
import dev.tollgate.policy.PolicyCatalog;
import dev.tollgate.scan.Scanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Closures ({@code engine/closure}) must answer exactly as cel-java's interpreter, or not at all (bail, and cel-java
 * answers). Compared here expression by expression on values chosen for the edges (nulls from data and from
 * literals, unknowns, mixed numbers, code points, empty strings), and scan by scan on every bundled policy over the
 * bundled example.
 */
class ClosureDifferentialTest {

    private final CelEnvironment env = new CelEnvironment(PrecompiledExpressions.none());

    private static Map<String, Object> item() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("x", "1");
        inner.put("unknown", null);
        Map<String, Object> known = new LinkedHashMap<>();
        known.put("a", 1L);
        known.put("b", List.of("p", "q"));
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("s", "Hello World");
        item.put("empty", "");
        item.put("nul", NullValue.NULL_VALUE); // a null parsed from a file
        item.put("unknown", null); // a value known only after apply
        item.put("i", 5L);
        item.put("d", 2.5);
        item.put("whole", 5.0);
        item.put("t", true);
        item.put("l", List.of("a", "b", ""));
        item.put("ints", List.of(1L, 2L, 3L));
        item.put("m", inner);
        item.put("known", known);
        item.put("big", 9_007_199_254_740_993L);
        item.put("nan", Double.NaN);
        item.put("accents", "é ü");
        item.put("emoji", "a\uD83D\uDE00b");
        item.put("spaced", " \t x \n");
        item.put("nbsp", "\u00a0x\u00a0");
        item.put("csv", "a,,b,");
        item.put("num", "+007");
        item.put("flt", " 1.5");
        return item;
    }

    /**
     * Expressions over {@code item}. Those marked with a leading {@code =} must be answered by the closures (the
     * common cases: a closure that bailed on everything would pass the comparison but be useless).
     */
    private static final List<String> EXPRESSIONS = List.of(
            // logic and conditionals
            "= !item.t || item.i > 3", "!item.t || item.unknown == 1", "item.unknown == 1 || item.t", "= !!item.t",
            "= (item.i > 3 ? item.s : item.empty) == 'Hello World'", "item.unknown > 1 && false",
            // values known only after apply: cel-java's unknown sets, the closures' Unknown
            "= item.unknown == 1", "= item.unknown == 1 || item.t", "= item.unknown > 1 && false",
            "= item.unknown || false",
            "= item.unknown && true", "= !item.unknown", "= size(item.unknown) > 0", "= item.unknown.x == 1",
            "= has(item.unknown.x)", "= item.m.unknown == '1'", "= [item.unknown] == [1]",
            "= {'a': item.unknown} == {}",
            "= (item.unknown ? 'a' : 'b') == 'a'", "= item.l.exists(x, x == item.unknown)",
            "= item.l.exists(x, x == 'a' || item.unknown)", "= item.l.exists(x, x == 'z' || item.unknown)",
            "= item.l.all(x, item.unknown)", "= item.l.all(x, x == 'z' && item.unknown)",
            "= item.unknown.exists(x, true)",
            "= item.l.map(x, item.unknown) == []", "= item.l.filter(x, item.unknown) == []",
            "= placeholder(item.unknown)", "= item.unknown in ['a']", "= 'a' in item.unknown",
            "= item.unknown.startsWith('a')", "= cel.bind(v, item.unknown, v == 1)",
            "= cel.bind(v, item.unknown, true)",
            "= string(item.unknown) + 'x' == 'x'", "item.?unknown.orValue(1) == 1", "= type(item.unknown) == int",
            "item.unknown == item.nope", "item.nope == 1 || item.unknown == 1", "item.m['unknown'] == 1",
            "= item.unknown.orValue(1) == 1", "= item.unknown[0] == 1", "= item.unknown.size() == 1",
            // equality across kinds, numbers and nulls
            "= item.s == 'Hello World'", "= item.s != 'x'", "= item.nul == null", "= item.s == null", "= null == null",
            "= item.i == item.whole", "= item.i == item.d", "= dyn(item.s) == dyn(item.i)",
            "= item.l == ['a', 'b', '']",
            "= item.known == {'a': 1, 'b': ['p', 'q']}", "= item.known == {'a': 1.0, 'b': ['p', 'q']}",
            "item.big == 9007199254740992.0", "item.nan == item.nan", "item.m == item.m", "[item.nul] == [null]",
            "= type(item.s) == string", "= type(item.i) == int", "= type(item.d) == double", "= type(item.l) == list",
            "= type(item.known) == map", "type(item.m) == map", "= type(item.nul) == null_type", "type(item) == map",
            // in
            "= 'a' in item.l", "= 'z' in item.l", "= 3 in item.ints", "= 3.0 in item.ints", "item.nul in [null]",
            "= 's' in item", "= 'nope' in item", "'unknown' in item", "'unknown' in item.m", "= 'x' in item.m",
            // ordering
            "= item.i < 6", "= item.i <= 5", "= item.d > 2", "= item.i >= item.d", "item.big > 1.0", "item.nan < 1.0",
            "item.s < 'z'",
            // arithmetic and concatenation
            "= item.s + '!' == 'Hello World!'", "= size(item.l + ['x']) == 4", "= item.i + 1 == 6",
            "9223372036854775807 + item.i > 0", "item.d + item.d == 5.0", "item.i + item.d == 7.5",
            // selection, presence and optionals
            "= has(item.s)", "= has(item.nope)", "has(item.unknown)", "has(item.m.unknown)", "has(item.s.x)",
            "item.nope == 1", "item.unknown == 1", "item.m.unknown == 1", "= item.m.x == '1'",
            "= item.?s.orValue('') == 'Hello World'", "= item.?nope.orValue('d') == 'd'",
            "= item.?known.?a.orValue(0) == 1", "= item.?known.?zz.orValue(0) == 0", "= item[?'s'].orValue('') != ''",
            "item[?'unknown'].orValue(1) == 1", "= item.l[?1].orValue('') == 'b'", "= item.l[?7].orValue('') == ''",
            "item.?m.unknown.orValue(1) == 1", "item.?known.a.orValue(0) == 1", "= item['s'] == 'Hello World'",
            "item['nope'] == 1", "= item.l[0] == 'a'", "item.l[3] == 'a'", "item.l[-1] == 'a'",
            // sizes and conversions
            "= size(item.s) == 11", "= size(item.emoji) == 3", "= size(item.accents) == 3", "= size(item.l) == 3",
            "= size(item.known) == 2", "size(item.m) == 2", "size(item.i) == 1", "= item.s.size() == 11",
            "= string(item.i) == '5'", "= string(item.d) == '2.5'", "= string(item.t) == 'true'",
            "string(item.nul) == ''",
            "= int(item.num) == 7", "int(item.s) == 0", "int(item.d) == 2", "= double(item.i) == 5.0",
            "double(item.flt) == 1.5", "double('NaN') == 1.0", "= double('0x1p3') == 8.0",
            // strings
            "= item.s.contains('World')", "= item.s.startsWith('Hell')", "= item.s.endsWith('x')",
            "= item.s.indexOf('o') == 4", "item.emoji.indexOf('b') == 2", "= item.s.indexOf('') == 0",
            "= item.s.lowerAscii() == 'hello world'", "= item.s.upperAscii() == 'HELLO WORLD'",
            "= item.accents.upperAscii() == 'é ü'", "= item.spaced.trim() == 'x'", "= item.nbsp.trim() == 'x'",
            "= item.empty.trim() == ''", "= item.s.replace('o', '0') == 'Hell0 W0rld'", "item.s.replace('', '-') == ''",
            "= item.csv.split(',') == ['a', '', 'b', '']", "= item.empty.split(',') == ['']", "item.s.split('') == []",
            "= size(item.s.split(' ')) == 2", "= item.s.substring(6) == 'World'", "= item.s.substring(0, 5) == 'Hello'",
            "item.s.substring(5, 99) == ''", "item.emoji.substring(1, 2) == ''", "= item.l.join(',') == 'a,b,'",
            "= item.l.join() == 'ab'", "item.ints.join(',') == '1,2,3'", "= item.s.matches('^H.*d$')",
            "= matches(item.s, 'o W')", "item.s.matches('[')",
            // comprehensions and bindings
            "= item.l.exists(x, x == 'b')", "= item.l.all(x, size(x) < 2)", "= item.l.exists_one(x, x == '')",
            "= item.l.map(x, x + x) == ['aa', 'bb', '']", "= item.l.filter(x, x != '') == ['a', 'b']",
            "= item.known.exists(k, k == 'b')", "item.m.exists(k, k == 'unknown')", "item.m.all(k, item.m[k] == '1')",
            "= cel.bind(v, item.s.lowerAscii(), v.startsWith('hello') && v.endsWith('world'))",
            "= item.ints.map(i, item.ints.filter(j, j > i)).exists(x, size(x) == 2)",
            "item.ints.all(x, item.l[x] != '')", "item.l.exists(x, x.nope == 1)",
            // functions bound for policies
            "= image('ghcr.io/acme/api:1.2').registry == 'ghcr.io'", "= url('https://a.b:8443/x').port == 8443",
            "= version_major('postgres:15.2') == 15", "= placeholder(item.nul)", "= placeholder(null) == false",
            "= shell_words('a b') == ['a', 'b']", "placeholder(item.unknown)", "= is_map(item.known)",
            "= truthy(item.t) && truthy('yes')", "= first_key(item) == 's'", "= size_bytes('512Mi', 'kubernetes') > 0",
            "= scalar_text(item.l) == '' && scalar_text(item.i) != ''", "scalar_text(item.unknown)",
            "= is_number(' 7 ') && !is_number('7 days') && number('1e400') > 1.0e300", "is_number(item.unknown)",
            // found by ClosureProperties: cel-java errs on a left side of && or || that is not a bool, even where the
            // right side decides (false && 'x' is false: the right side is not looked at)
            "item.s && false", "item.i || true", "= false && item.s",
            // cel-java errs on x.?f of an unknown x (a field selection must be on a map); x[?'f'] is unknown
            "item.unknown.?x.orValue(1) == 1", "= item.unknown[?'x'].orValue(1) == 1",
            // cel-java errs on ''.indexOf(s) for a non-empty s (offset 0 out of range); ''.indexOf('') is 0
            "item.empty.indexOf('a') == -1", "= item.empty.indexOf('') == 0",
            // orValue is not strict in cel-java: a present optional's value, the argument never evaluated
            "= item.?s.orValue(item.unknown) == 'Hello World'", "= item.?s.orValue(item.nope) == 'Hello World'",
            // cel-java errs on an optional index beyond the int range, and on optional(dyn)[?int] (two overloads match)
            "item.l[?4000000000].orValue('') == ''", "item.?l[?0].orValue('') == 'a'",
            // cel-java errs on a repeated map literal key even where a value is unknown
            "{'s': item.unknown, 's': 1} == {}", "= {'s': item.unknown, 't': 1} == {}",
            // cel-java orders an int and a double with Double.compare: -0.0 is below 0 (but equal to 0.0)
            "-0.0 < 0", "0 <= -0.0", "dyn(-0.0) == dyn(0)", "dyn(0) in [dyn(-0.0)]", "= -0.0 < 0.0",
            "= dyn(-0.0) == dyn(0.0)");

    @Test
    void closuresAnswerAsCelJavaDoes_orLeaveItToCelJava() throws Exception {
        Map<String, Object> vars = new HashMap<>();
        vars.put("item", item());
        vars.put("resource", item());
        vars.put("meta", Map.of("name", "api", "file", "svc/.env.production", "key", "s", "pointer", "/s"));
        vars.put("related", List.of());
        List<Object> order = List.of(vars.get("resource"), vars.get("item"), vars.get("meta"), vars.get("related"));
        assertEquals(List.of("resource", "item", "meta", "related"), List.copyOf(CelEnvironment.VARIABLES.keySet()),
                "closures read the variables by this index");
        List<String> wrong = new ArrayList<>();
        for (String line : EXPRESSIONS) {
            boolean mustAnswer = line.startsWith("= ");
            String expression = mustAnswer ? line.substring(2) : line;
            CelAbstractSyntaxTree ast;
            try {
                ast = env.compileNow(expression);
            } catch (dev.cel.common.CelValidationException e) {
                wrong.add(expression + ": does not compile: " + e.getMessage());
                continue;
            }
            CelRuntime.Program program = env.program(ast);
            ClosureProgram closure = env.closure(ast);
            assertNotNull(closure, "closures cover " + expression);
            Object expected;
            try {
                expected = program.eval(vars);
            } catch (Exception e) {
                expected = e;
            }
            Object actual;
            try {
                actual = closure.eval(order::get);
            } catch (Bail b) {
                actual = b;
            }
            if (actual instanceof Bail) {
                if (mustAnswer) {
                    wrong.add(expression + ": closures bailed (" + ((Bail) actual).getMessage() + "), cel-java: "
                            + expected);
                }
            } else if (actual == Unknown.VALUE) {
                if (!(expected instanceof CelUnknownSet)) {
                    wrong.add(expression + ": closures unknown, cel-java " + expected);
                }
            } else if (expected instanceof Exception || expected instanceof CelUnknownSet
                    || !expected.equals(actual)) {
                wrong.add(expression + ": closures " + actual + ", cel-java " + expected);
            }
        }
        if (!wrong.isEmpty()) {
            fail(String.join("\n", wrong));
        }
    }

    @Test
    void aSelectedElementKnownOnlyAfterApply_isUnknownUnlessTheAnswerDoesNotDependOnIt() throws Exception {
        Map<String, Object> vars = new HashMap<>();
        vars.put("item", null); // how cel-java is told that a variable is unknown
        vars.put("resource", item());
        vars.put("meta", Map.of("file", "main.tf"));
        vars.put("related", List.of());
        List<Object> order = new ArrayList<>(List.of(vars.get("resource"), "placeholder", vars.get("meta"),
                vars.get("related")));
        order.set(1, null);
        for (String expression : List.of("item == 1", "has(item.x)", "size(item) > 0", "item == 1 || true",
                "false && item.x", "item.exists(x, x == 1)", "deploy_file(meta.file) && item != ''")) {
            CelAbstractSyntaxTree ast = env.compileNow(expression);
            Object expected = env.program(ast).eval(vars);
            Object actual = env.closure(ast).eval(order::get);
            if (actual == Unknown.VALUE) {
                assertTrue(expected instanceof CelUnknownSet, expression + ": cel-java " + expected);
            } else {
                assertEquals(expected, actual, expression);
            }
        }
    }

    @Test
    void whatClosuresDoNotCover_compilesToNoClosure_andRunsOnCelJava() throws Exception {
        // Division is not covered (no bundled policy divides): the whole expression runs on cel-java.
        assertEquals(null, env.closure(env.compileNow("item.i / 2 == 2")));
        assertEquals(null, env.closure(env.compileNow("[1, ?optional.none()] == [1]")));
    }

    @Test
    void aBindingWhoseValueNamesItself_isLeftToCelJava() throws Exception {
        // Found by ClosureProperties: cel-java 0.14 binds the inner b lazily to `b + 1`, which then resolves b to
        // itself, and overflows its stack; closures answered 2.
        assertEquals(null, env.closure(env.compileNow("cel.bind(b, 1, cel.bind(b, b + 1, b)) == 2")));
        assertEquals(null, env.closure(env.compileNow("item.l.map(x, cel.bind(x, x + 'a', x)) == []")));
        // And it evaluates the value where the name is first used, with the names in scope there: [[1, 1]] to
        // cel-java, where closures said [[5, 5]]; with no name bound again in between, the answer is the same.
        assertEquals(null, env.closure(env.compileNow("[5].map(x, cel.bind(b, x, [1, 2].map(x, b))) == []")));
        assertEquals(null, env.closure(env.compileNow("cel.bind(a, 5, cel.bind(b, a, cel.bind(a, 7, b))) == 5")));
        assertNotNull(env.closure(env.compileNow("cel.bind(b, 1, cel.bind(c, b + 1, c)) == 2")));
        assertNotNull(env.closure(env.compileNow("[5].map(x, cel.bind(b, x, [1, 2].map(y, b))) == []")));
    }

    @Test
    void everyBundledExpressionCompilesToClosures() throws Exception {
        CelEnvironment bundled = new CelEnvironment();
        for (Policy p : BundledPolicies.load(List.of()).policies()) {
            assertNotNull(bundled.closure(bundled.compile(p.condition())), p.id() + " condition");
            if (p.messageExpression() != null) {
                assertNotNull(bundled.closure(bundled.compile(p.messageExpression())), p.id() + " message");
            }
        }
    }

    @Test
    void scanningTheBundledExampleGivesTheSameEvaluationsWithAndWithoutClosures() throws Exception {
        PolicyCatalog catalog = BundledPolicies.load(List.of());
        ScanReport withClosures = scan(catalog, PolicyEngine.compile(catalog.policies(), true));
        ScanReport interpreted = scan(catalog, PolicyEngine.compile(catalog.policies(), false));
        assertTrue(withClosures.evaluations().size() > 1000, "the example gives evaluations to compare");
        assertFalse(withClosures.findings().isEmpty());
        assertEquals(interpreted.evaluations(), withClosures.evaluations());
        assertEquals(interpreted.problems(), withClosures.problems());
    }

    private static ScanReport scan(PolicyCatalog catalog, PolicyEngine engine) {
        return new Scanner(catalog, engine, new FileDiscovery(), new Parsers(), "test")
                .scan(List.of(Path.of("fixtures")));
    }

    @Test
    void listsGrownInPlace_neverChangeAListAlreadyMade() throws Exception {
        // AppendableList extends the newest list over its elements in place; an older one must still read as it was.
        Map<String, Object> vars = new HashMap<>();
        vars.put("item", List.of("a", "b"));
        vars.put("resource", Map.of());
        vars.put("meta", Map.of());
        vars.put("related", List.of());
        List<Object> order = List.of(Map.of(), List.of("a", "b"), Map.of(), List.of());
        for (String expression : List.of(
                "cel.bind(a, item + ['c'], cel.bind(b, a + ['d'], cel.bind(c, a + ['e'], "
                        + "a == ['a', 'b', 'c'] && b == ['a', 'b', 'c', 'd'] && c == ['a', 'b', 'c', 'e'])))",
                "cel.bind(m, item.map(x, x + x), m + m == ['aa', 'bb', 'aa', 'bb'] && size(m) == 2)",
                "item.map(x, item.filter(y, y != x) + [x]) == [['b', 'a'], ['a', 'b']]")) {
            CelAbstractSyntaxTree ast = env.compileNow(expression);
            assertEquals(true, env.program(ast).eval(vars), expression);
            assertEquals(true, env.closure(ast).eval(order::get), expression);
        }
    }

    @Test
    void deeplyNestedValues_bailInsteadOfOverflowingTheStack() throws Exception {
        Object deep = "leaf";
        for (int i = 0; i < 20_000; i++) {
            deep = List.of(deep);
        }
        Object value = deep;
        List<Object> order = List.of(Map.of(), value, Map.of(), List.of());
        for (String expression : List.of("item == item", "type(item) == list")) {
            ClosureProgram closure = env.closure(env.compileNow(expression));
            org.junit.jupiter.api.Assertions.assertThrows(Bail.class, () -> closure.eval(order::get), expression);
        }
    }

    @Test
    void trim_isCelJavasOnEveryCharacterOfTheBasicMultilingualPlane() throws Exception {
        CelAbstractSyntaxTree ast = env.compileNow("item.trim()");
        CelRuntime.Program program = env.program(ast);
        ClosureProgram closure = env.closure(ast);
        List<String> wrong = new ArrayList<>();
        for (int c = 0; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String one = String.valueOf((char) c);
            for (String text : List.of(one + "x" + one, one + one + "x " + one + " ", " " + one + "\u00a0y")) {
                Map<String, Object> vars = new HashMap<>();
                vars.put("item", text);
                vars.put("resource", Map.of());
                vars.put("meta", Map.of());
                vars.put("related", List.of());
                Object expected = program.eval(vars);
                Object actual = closure.eval(index -> index == 1 ? text : Map.of());
                if (!expected.equals(actual)) {
                    wrong.add(String.format("U+%04X in %s: cel-java %s, closures %s", c, text, expected, actual));
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong.subList(0, Math.min(10, wrong.size()))));
    }
}
