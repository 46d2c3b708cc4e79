package dev.tollgate.engine;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelOptionalLibrary;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelStandardFunctions;
import dev.cel.runtime.CelRuntimeFactory;
import dev.tollgate.engine.closure.ClosureCompiler;
import dev.tollgate.engine.closure.ClosureProgram;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one CEL environment every policy compiles against, declared explicitly: the variables {@code resource},
 * {@code item}, {@code meta} and {@code related} (resources that refer to this one: Terraform; Kubernetes HPAs and
 * cert-manager Certificates), the standard macros ({@code has}, {@code all}, {@code exists}, {@code map},
 * {@code filter}: off unless asked for), optional syntax ({@code a.?b.orValue(x)}), the strings, math, lists and
 * bindings ({@code cel.bind}) extensions, and {@link PolicyFunctions}.
 *
 * <p>Compiler and runtime are immutable and thread-safe; policies compile once and evaluate many times.
 */
final class CelEnvironment {

    /**
     * The variables a policy's expressions can read. {@link ConditionInputs} knows what each one means for
     * remembering answers; a new one must be handled there too.
     */
    static final Map<String, CelType> VARIABLES = orderedMap(
            "resource", SimpleType.DYN,
            "item", SimpleType.DYN,
            "meta", MapType.create(SimpleType.STRING, SimpleType.DYN),
            "related", ListType.create(SimpleType.DYN));

    private static Map<String, CelType> orderedMap(Object... namesAndTypes) {
        Map<String, CelType> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            out.put((String) namesAndTypes[i], (CelType) namesAndTypes[i + 1]);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Iterations of one comprehension, past which evaluation fails: bounds a policy's time on a huge file. */
    private static final int MAX_ITERATIONS = 100_000;

    private final CelOptions options;
    private final List<CelFunctionBinding> functions;
    private CelRuntime runtime;
    private final ClosureCompiler closures;
    private final PrecompiledExpressions precompiled;
    /**
     * Every checked AST handed out, by expression text. An engine asks for a condition's AST twice (for its program
     * and for {@link ConditionInputs}), and on a cold start decoding a build-time AST costs about half a millisecond
     * (a user's expression, compiled now, far more); the ASTs are immutable, so the first one is handed out again.
     */
    private final Map<String, CelAbstractSyntaxTree> asts = new ConcurrentHashMap<>();
    private CelCompiler compiler;

    CelEnvironment() {
        this(PrecompiledExpressions.bundled());
    }

    CelEnvironment(PrecompiledExpressions precompiled) {
        this.precompiled = precompiled;
        options = CelOptions.current()
                .enableHeterogeneousNumericComparisons(true)
                .enableOptionalSyntax(true)
                .comprehensionMaxIterations(MAX_ITERATIONS)
                .build();
        List<CelFunctionBinding> bound = new ArrayList<>(PolicyFunctions.bindings(new FileNameFacts()));
        bound.addAll(matches(new Regexes(options)));
        functions = List.copyOf(bound);
        closures = new ClosureCompiler(List.copyOf(VARIABLES.keySet()), functions, MAX_ITERATIONS);
    }

    /**
     * cel-java's runtime, built on first need: when closures cover every expression and never bail, a scan never
     * pays for it (the standard functions' bindings, resolved for every program).
     */
    private synchronized CelRuntime runtime() {
        if (runtime == null) {
            runtime = newRuntime();
        }
        return runtime;
    }

    private CelRuntime newRuntime() {
        return CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(options)
                .setStandardEnvironmentEnabled(false)
                .setStandardFunctions(CelStandardFunctions.newBuilder()
                        .excludeFunctions(CelStandardFunctions.StandardFunction.MATCHES).build())
                .addLibraries(CelOptionalLibrary.INSTANCE, CelExtensions.strings(), CelExtensions.math(options),
                        CelExtensions.lists())
                .addFunctionBindings(functions)
                .build();
    }

    /** The standard {@code matches} overloads, bound again to compile each pattern once ({@link Regexes}). */
    private static List<CelFunctionBinding> matches(Regexes regexes) {
        return List.of(
                CelFunctionBinding.from("matches", String.class, String.class, regexes::matches),
                CelFunctionBinding.from("matches_string", String.class, String.class, regexes::matches));
    }

    /**
     * The compiler, built on first need: when every expression was compiled at build time (the bundled policies),
     * a scan never pays for building it (about a third of a cold start's CEL cost).
     */
    private synchronized CelCompiler compiler() {
        if (compiler == null) {
            compiler = newCompiler();
        }
        return compiler;
    }

    private CelCompiler newCompiler() {
        return CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVarDeclarations(VARIABLES.entrySet().stream()
                        .map(v -> dev.cel.common.CelVarDecl.newVarDeclaration(v.getKey(), v.getValue())).toList())
                .addLibraries(CelOptionalLibrary.INSTANCE, CelExtensions.strings(), CelExtensions.bindings(),
                        CelExtensions.math(options), CelExtensions.lists())
                .addFunctionDeclarations(PolicyFunctions.declarations())
                .build();
    }

    /** The checked AST of {@code expression}: from the build-time cache when it is there, else compiled now. */
    CelAbstractSyntaxTree compile(String expression) throws CelValidationException {
        CelAbstractSyntaxTree known = asts.get(expression);
        if (known != null) {
            return known;
        }
        CelAbstractSyntaxTree cached = precompiled.get(expression);
        CelAbstractSyntaxTree ast = cached != null ? cached : compileNow(expression);
        CelAbstractSyntaxTree first = asts.putIfAbsent(expression, ast);
        return first != null ? first : ast;
    }

    /** Always compiles, never the cache: what the build-time precompiler uses. */
    CelAbstractSyntaxTree compileNow(String expression) throws CelValidationException {
        return compiler().compile(expression).getAst();
    }

    CelRuntime.Program program(CelAbstractSyntaxTree ast) throws CelEvaluationException {
        return runtime().createProgram(ast);
    }

    /**
     * The AST compiled to closures, which answer like {@link #program} without its interpreter's per-call cost
     * ({@link ClosureCompiler}); null when it uses something closures do not cover.
     */
    ClosureProgram closure(CelAbstractSyntaxTree ast) {
        return closures.compile(ast).orElse(null);
    }
}
