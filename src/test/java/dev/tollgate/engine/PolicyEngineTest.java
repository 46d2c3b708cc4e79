package dev.tollgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.Outcome;
import dev.tollgate.model.Format;
import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.policy.ExpressionOrigin;
import dev.tollgate.policy.Policy;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyEngineTest {

    private static Policy policy(String select, String condition, String messageExpression) {
        return new Policy("TG-TEST-001", "Test policy", "desc", Severity.HIGH, List.of("x.y"), Format.DOTENV,
                List.of(), select == null ? List.of() : List.of(select), condition, "static message", messageExpression,
                "fix it", List.of(),
                "policies/TG-TEST-001.yaml",
                Map.of("condition", new ExpressionOrigin("policies/TG-TEST-001.yaml", 10, 3, true)));
    }

    private static Resource env(Map<String, Object> data) {
        return env(".env", data);
    }

    private static Resource env(String file, Map<String, Object> data) {
        Map<String, SourceLocation> locs = new LinkedHashMap<>();
        locs.put("", new SourceLocation(file, 1, 1));
        int line = 1;
        for (String k : data.keySet()) {
            locs.put(LocationIndex.child("", k), new SourceLocation(file, line++, 1));
        }
        return new Resource(Format.DOTENV, "env", file, file, new SourceLocation(file, 1, 1), data,
                new LocationIndex(locs));
    }

    // Answers are remembered only for expressions that closures do not cover (on cel-java's interpreter), so the
    // tests of remembering compile without closures; with closures the same verdicts must come out.
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void rememberedAnswers_areKeptApartByEveryInputTheConditionReads(boolean closures) throws Exception {
        // Remembered by (item, file name, key): the same value under another key or in another file is judged anew.
        PolicyEngine engine = PolicyEngine.compile(List.of(policy("$[*]",
                "!deploy_file(meta.file) || item != meta.key", null)), closures);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("A", "A");
        data.put("B", "A");
        for (int run = 0; run < 2; run++) {
            assertEquals(List.of(Outcome.FAIL, Outcome.PASS), engine.evaluate(env("svc/.env.production", data))
                    .stream().map(Evaluation::outcome).toList());
            assertEquals(List.of(Outcome.PASS, Outcome.PASS), engine.evaluate(env("svc/.env.development", data))
                    .stream().map(Evaluation::outcome).toList());
        }
        // Maps are remembered with their entries in order: equal maps in another order may answer otherwise.
        PolicyEngine order = PolicyEngine.compile(List.of(policy("$[*]", "item.map(k, k)[0] == 'a'", null)), closures);
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1L);
        ab.put("b", 2L);
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", 2L);
        ba.put("a", 1L);
        Map<String, Object> maps = new LinkedHashMap<>();
        maps.put("M1", ab);
        maps.put("M2", ba);
        maps.put("M3", ab);
        assertEquals(List.of(Outcome.PASS, Outcome.FAIL, Outcome.PASS),
                order.evaluate(env(maps)).stream().map(Evaluation::outcome).toList());
    }

    @Test
    void selectedElements_areJudgedOneByOneAtTheirLines() throws Exception {
        PolicyEngine engine = PolicyEngine.compile(List.of(policy("$[*]", "item != 'bad'",
                "'value of ' + meta.name + ' is wrong'")));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("A", "good");
        data.put("B", "bad");
        List<Evaluation> out = engine.evaluate(env(data));
        assertEquals(List.of(Outcome.PASS, Outcome.FAIL), out.stream().map(Evaluation::outcome).toList());
        assertEquals(2, out.get(1).location().line());
        assertEquals("/B", out.get(1).pointer());
        assertEquals("value of .env is wrong", out.get(1).message());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aRememberedAnswer_stillGivesEachFindingItsOwnMessage(boolean closures) throws Exception {
        // The condition reads only item, so its answer for "bad" is remembered; the message reads meta.key.
        PolicyEngine engine = PolicyEngine.compile(List.of(policy("$[*]", "item != 'bad' && item != 7",
                "meta.key + ' is wrong'")), closures);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("A", "bad");
        data.put("B", "good");
        data.put("C", "bad");
        data.put("D", 7L);
        for (int run = 0; run < 2; run++) {
            List<Evaluation> out = engine.evaluate(env(data));
            assertEquals(List.of(Outcome.FAIL, Outcome.PASS, Outcome.FAIL, Outcome.FAIL),
                    out.stream().map(Evaluation::outcome).toList());
            assertEquals(List.of("A is wrong", "C is wrong", "D is wrong"), out.stream()
                    .filter(e -> e.outcome() == Outcome.FAIL).map(Evaluation::message).toList());
        }
    }

    @Test
    void matches_keepsCelSemantics_withPatternsCompiledOnce() throws Exception {
        // RE2 syntax and a partial match, as the CEL specification says; the same pattern used again and again.
        for (int i = 0; i < 3; i++) {
            assertEquals(Outcome.PASS, outcome("resource.A.matches('b') && matches(resource.A, '^a.c$')"
                    + " && !resource.A.matches('^b') && resource.A.matches('(?i)ABC')", Map.of("A", "abc")));
        }
        assertEquals(Outcome.ERROR, outcome("resource.A.matches('(')", Map.of("A", "abc")));
    }

    @Test
    void meta_namesTheSelectedKeyAndPointer() throws Exception {
        PolicyEngine engine = PolicyEngine.compile(List.of(policy("$[*]",
                "meta.key != 'SECRET_KEY' && meta.pointer != '/a~1b'", null)));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("DEBUG", "1");
        data.put("SECRET_KEY", "x");
        data.put("a/b", "y");
        assertEquals(List.of(Outcome.PASS, Outcome.FAIL, Outcome.FAIL),
                engine.evaluate(env(data)).stream().map(Evaluation::outcome).toList());
        PolicyEngine whole = PolicyEngine.compile(List.of(policy(null, "meta.key == '' && meta.pointer == ''", null)));
        assertEquals(Outcome.PASS, whole.evaluate(env(data)).get(0).outcome());
    }

    @Test
    void missingKey_isAnErrorNotAPass() throws Exception {
        PolicyEngine engine = PolicyEngine.compile(List.of(policy(null, "resource.MISSING == 'x'", null)));
        List<Evaluation> out = engine.evaluate(env(Map.of("A", "1")));
        assertEquals(Outcome.ERROR, out.get(0).outcome());
        assertTrue(out.get(0).message().contains("TG-TEST-001"), out.get(0).message());
    }

    @Test
    void nonBooleanCondition_isAnError() throws Exception {
        PolicyEngine engine = PolicyEngine.compile(List.of(policy(null, "resource.A", null)));
        assertEquals(Outcome.ERROR, engine.evaluate(env(Map.of("A", "1"))).get(0).outcome());
    }

    @Test
    void nullsAndIntegers_areNormalisedForCel() throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("N", null);
        data.put("I", 41);
        PolicyEngine engine =
                PolicyEngine.compile(List.of(policy(null, "resource.N == null && resource.I + 1 == 42", null)));
        assertEquals(Outcome.PASS, engine.evaluate(env(data)).get(0).outcome());
    }

    @Test
    void unknownValues_giveUnknownUnlessTheAnswerDoesNotDependOnThem() throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ACL", new dev.tollgate.model.Unknown("var.acl"));
        data.put("NESTED", Map.of("inner", List.of(new dev.tollgate.model.Unknown("data.x.id"))));
        assertEquals(Outcome.UNKNOWN, outcome("resource.ACL != 'public-read'", data));
        assertEquals(Outcome.UNKNOWN, outcome("resource.NESTED.inner[0] == 'x'", data));
        assertEquals(Outcome.PASS, outcome("resource.ACL != 'public-read' || true", data));
        assertEquals(Outcome.FAIL, outcome("resource.ACL == 'x' && false", data));
        assertEquals(Outcome.PASS, outcome("has(resource.ACL)", data));
        assertEquals(Outcome.UNKNOWN, outcome("resource.NESTED.inner.exists(x, x == 'y')", data));
    }

    @Test
    void aSelectedScalar_isTheValueAtItsPlaceInTheConvertedData() throws Exception {
        // Selected scalars are converted on the spot (an Integer is a CEL int), except where converting reshaped the
        // data: a list holding an unknown is unknown as a whole, so its known element "x" is judged unknown too.
        PolicyEngine engine = PolicyEngine.compile(List.of(policy("$..*", "type(item) == int || item == 'x'", null)));
        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put("PORT", 8080);
        plain.put("NAME", "x");
        assertEquals(List.of(Outcome.PASS, Outcome.PASS),
                engine.evaluate(env(plain)).stream().map(Evaluation::outcome).toList());
        Map<String, Object> reshaped = new LinkedHashMap<>();
        reshaped.put("LIST", new java.util.ArrayList<>(List.of("x", new dev.tollgate.model.Unknown("var.y"))));
        List<Evaluation> out = engine.evaluate(env(reshaped));
        assertEquals(List.of("/LIST/0", "/LIST/1"), out.stream().skip(1).map(Evaluation::pointer).toList());
        assertEquals(List.of(Outcome.UNKNOWN, Outcome.UNKNOWN),
                out.stream().skip(1).map(Evaluation::outcome).toList());
    }

    private static Outcome outcome(String condition, Map<String, Object> data) throws Exception {
        return PolicyEngine.compile(List.of(policy(null, condition, null))).evaluate(env(data)).get(0).outcome();
    }

    @Test
    void compileError_isLocatedInThePolicyFile() {
        PolicyLoadException e = assertThrows(PolicyLoadException.class,
                () -> PolicyEngine.compile(List.of(policy(null, "resource.A ==\n  undefined_var", null))));
        String error = e.errors().get(0).toString();
        // line 2 of the expression is file line 11; block scalars keep the indentation of column 3
        assertTrue(error.startsWith("policies/TG-TEST-001.yaml:11:"), error);
        assertTrue(error.contains("undefined_var"), error);
    }

    @Test
    void conditionReturningAString_isRejectedAtCompileTime() {
        assertThrows(PolicyLoadException.class, () -> PolicyEngine.compile(List.of(policy(null, "'text'", null))));
    }

    @Test
    void secretValues_neverReachMessages() throws Exception {
        PolicyEngine engine = PolicyEngine.compile(List.of(policy("$.DB_PASSWORD", "false",
                "'DB_PASSWORD is ' + string(item)")));
        List<Evaluation> out = engine.evaluate(env(Map.of("DB_PASSWORD", "hunter2-very-secret")));
        assertEquals("DB_PASSWORD is ****", out.get(0).message());
        assertFalse(out.get(0).message().contains("hunter2"));
    }

    @Test
    void fingerprint_ignoresLines() throws Exception {
        PolicyEngine engine = PolicyEngine.compile(List.of(policy("$[*]", "false", null)));
        Evaluation a = engine.evaluate(env(Map.of("A", "1"))).get(0);
        Map<String, Object> moved = new LinkedHashMap<>();
        moved.put("Z", "0");
        moved.put("A", "1");
        Evaluation b = engine.evaluate(env(moved)).stream().filter(e -> e.pointer().equals("/A")).findFirst()
                .orElseThrow();
        assertTrue(a.location().line() != b.location().line());
        assertEquals(a.fingerprint(), b.fingerprint());
    }
}
