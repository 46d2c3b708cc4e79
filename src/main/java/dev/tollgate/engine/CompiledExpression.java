package dev.tollgate.engine;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;
import dev.cel.runtime.CelVariableResolver;
import dev.tollgate.engine.closure.ClosureProgram;
import dev.tollgate.engine.closure.Unknown;
import dev.tollgate.engine.closure.Variables;

/**
 * One policy expression, compiled: to closures when they cover it, and to cel-java's program, which answers whenever
 * the closures cannot be sure of its answer (an error, an unknown) and is otherwise never needed. So that a scan
 * whose closures never bail never builds cel-java's runtime or programs (a fifth of the engine's cold start), the
 * program of an expression with closures is built on first need. Thread-safe.
 */
final class CompiledExpression {

    /** What cel-java gives for a value known only after apply: immutable, so one serves every expression. */
    private static final CelUnknownSet UNKNOWN = CelUnknownSet.create(0L);

    private final CelEnvironment env;
    private final CelAbstractSyntaxTree ast;
    private final ClosureProgram closure;
    private volatile CelRuntime.Program program;

    private CompiledExpression(CelEnvironment env, CelAbstractSyntaxTree ast, ClosureProgram closure,
            CelRuntime.Program program) {
        this.env = env;
        this.ast = ast;
        this.closure = closure;
        this.program = program;
    }

    /**
     * @param closures whether to use closures; without, every evaluation runs on cel-java (the reference in tests)
     * @throws CelEvaluationException when cel-java cannot build the program of an expression closures do not cover
     */
    static CompiledExpression of(CelEnvironment env, CelAbstractSyntaxTree ast, boolean closures)
            throws CelEvaluationException {
        ClosureProgram closure = closures ? env.closure(ast) : null;
        // Closures cover only calls of functions bound in the environment, for which cel-java builds its program
        // alike; any other expression is built now, so that a program error is a policy error at start-up.
        return new CompiledExpression(env, ast, closure, closure == null ? env.program(ast) : null);
    }

    boolean hasClosure() {
        return closure != null;
    }

    /**
     * The expression's value: from its closures when they are sure of cel-java's answer and it is of the class
     * expected, else from cel-java (errors, unknowns, anything closures do not cover), so the two never differ.
     */
    <V extends CelVariableResolver & Variables> Object eval(V variables, Class<?> expected)
            throws CelEvaluationException {
        if (closure != null) {
            try {
                Object value = closure.eval(variables);
                if (expected.isInstance(value)) {
                    return value;
                }
                if (value == Unknown.VALUE) {
                    return UNKNOWN; // all a caller asks of an unknown set is that it is one
                }
            } catch (RuntimeException e) {
                // A Bail, or a case the closures did not foresee (a bug of theirs: ClosureProperties fails on any such
                // exception): either way cel-java answers, as if there were no closures, so no verdict is lost.
            }
        }
        return program().eval(variables);
    }

    private CelRuntime.Program program() throws CelEvaluationException {
        CelRuntime.Program p = program;
        if (p == null) {
            synchronized (this) {
                p = program;
                if (p == null) {
                    p = env.program(ast);
                    program = p;
                }
            }
        }
        return p;
    }
}
