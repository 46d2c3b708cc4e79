package dev.tollgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void everyBundledExpression_readsBackAsTheAstTheCompilerGave() throws Exception {
        CelEnvironment env = new CelEnvironment(PrecompiledExpressions.none());
        java.util.Map<String, CelAbstractSyntaxTree> asts = new java.util.LinkedHashMap<>();
        for (dev.tollgate.policy.Policy p : dev.tollgate.policy.BundledPolicies.load(java.util.List.of()).policies()) {
            asts.put(p.condition(), env.compileNow(p.condition()));
            if (p.messageExpression() != null) {
                asts.put(p.messageExpression(), env.compileNow(p.messageExpression()));
            }
        }
        assertTrue(asts.size() > 150, "the bundled policies' expressions: " + asts.size());
        PrecompiledExpressions cache = PrecompiledExpressions.read(
                new ByteArrayInputStream(PrecompiledExpressions.write(asts)));
        for (var e : asts.entrySet()) {
            assertEquals(1, PrecompiledExpressions.encode(e.getValue())[0], "written by AstCodec: " + e.getKey());
            CelAbstractSyntaxTree read = cache.get(e.getKey());
            // Exactly what the protobuf form read back (the cache's format before AstCodec), source included.
            CelAbstractSyntaxTree viaProto = dev.cel.common.CelProtoAbstractSyntaxTree.fromCheckedExpr(
                    dev.cel.common.CelProtoAbstractSyntaxTree.fromCelAst(e.getValue()).toCheckedExpr()).getAst();
            assertEquals(viaProto, read, e.getKey());
            assertEquals(viaProto.getSource(), read.getSource(), e.getKey());
            // And field by field against the compiler's own: expression tree, ids, positions, references, types.
            assertEquals(e.getValue().getExpr(), read.getExpr(), e.getKey());
            assertEquals(e.getValue().getSource().getPositionsMap(), read.getSource().getPositionsMap(), e.getKey());
            assertEquals(e.getValue().getSource().getLineOffsets(), read.getSource().getLineOffsets(), e.getKey());
            assertEquals(e.getValue().getSource().getDescription(), read.getSource().getDescription(), e.getKey());
            assertEquals(e.getValue().getReferenceMap(), read.getReferenceMap(), e.getKey());
            assertEquals(e.getValue().getTypeMap(), read.getTypeMap(), e.getKey());
            assertEquals(e.getValue().getResultType(), read.getResultType(), e.getKey());
        }
    }

    @Test
    void whatTheCodecCannotWrite_isKeptInItsProtobufForm() throws Exception {
        CelEnvironment env = new CelEnvironment(PrecompiledExpressions.none());
        String expr = "size(b'abc') == 3 && duration('1s') < duration('2s')";
        CelAbstractSyntaxTree ast = env.compileNow(expr);
        assertEquals(0, PrecompiledExpressions.encode(ast)[0], "a bytes constant: protobuf form");
        CelAbstractSyntaxTree read = PrecompiledExpressions.read(
                new ByteArrayInputStream(PrecompiledExpressions.write(Map.of(expr, ast)))).get(expr);
        assertEquals(ast.getExpr(), read.getExpr());
        assertEquals(true, env.program(read).eval(Map.of("item", "", "resource", Map.of(), "meta", Map.of(),
                "related", java.util.List.of())));
    }

    @Test
    void aDamagedCache_isIgnored() throws Exception {
        assertNull(PrecompiledExpressions.read(new ByteArrayInputStream(new byte[] {0, 0, 0, 9})).get("true"));
    }
}
