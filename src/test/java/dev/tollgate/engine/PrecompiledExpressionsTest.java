package dev.tollgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cel.common.CelAbstractSyntaxTree;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrecompiledExpressionsTest {

    @Test
    void writtenAsts_readBack_evaluateAsFreshlyCompiledOnes() throws Exception {
        CelEnvironment env = new CelEnvironment(PrecompiledExpressions.none());
        String expr = "image(string(item)).name == 'postgres' && version_major(image(string(item)).tag) < 12";
        byte[] bytes = PrecompiledExpressions.write(Map.of(expr, env.compileNow(expr)));

        PrecompiledExpressions cache = PrecompiledExpressions.read(new ByteArrayInputStream(bytes));
        CelAbstractSyntaxTree cached = cache.get(expr);
        assertNotNull(cached);
        assertNull(cache.get(expr + " "), "keyed by the exact text: an edited policy is compiled afresh");

        Map<String, Object> vars = Map.of("item", "postgres:11", "resource", Map.of(), "meta", Map.of(),
                "related", java.util.List.of());
        assertEquals(true, env.program(cached).eval(vars));
        assertEquals(env.program(env.compileNow(expr)).eval(vars), env.program(cached).eval(vars));
    }

    @Test
    void aDamagedCache_isIgnored() throws Exception {
        assertNull(PrecompiledExpressions.read(new ByteArrayInputStream(new byte[] {0, 0, 0, 9})).get("true"));
    }
}
