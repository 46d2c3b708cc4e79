package dev.tollgate.engine.closure;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.runtime.CelFunctionBinding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entry point of this package: compiles a checked CEL AST into closures that evaluate it without cel-java's
 * interpreter.
 *
 * <p>Why: profiles of a full scan put about a quarter of its CPU in cel-java's interpreter, most of it per-call
 * dispatch (overloads looked up by name, argument checks, an intermediate result object per sub-expression) rather than
 * the work asked for. Here each call is resolved once, when compiling, and variables are array slots.
 *
 * <p>Exactness comes before coverage: a closure gives an answer only where it is sure to be cel-java's, and throws
 * {@link Bail} otherwise (any error, any value known only after apply, a case it does not cover), so that the caller
 * asks cel-java. An expression using anything not covered here (a function, a constant kind, a macro form) does not
 * compile at all ({@link #compile} is empty) and always runs on cel-java. cel-java stays the compiler and type
 * checker, and the reference: {@code ClosureDifferentialTest} compares the two.
 */
public final class ClosureCompiler {

    /** cel-java's comprehension limit, as configured: past it cel-java errs, so a closure bails. */
    private final int maxIterations;
    private final List<String> variables;
    private final Map<String, CelFunctionBinding> functions = new HashMap<>();

    /**
     * @param variables the names of the variables, in the order {@link Variables#get} numbers them
     * @param functions the bindings of every non-standard function (and of {@code matches}), as given to cel-java
     * @param maxIterations cel-java's {@code comprehensionMaxIterations}
     */
    public ClosureCompiler(List<String> variables, List<CelFunctionBinding> functions, int maxIterations) {
        this.variables = List.copyOf(variables);
        this.maxIterations = maxIterations;
        for (CelFunctionBinding f : functions) {
            this.functions.put(f.getOverloadId(), f);
        }
    }

    /** The closures of a checked AST, or empty when it uses something not covered here. */
    public Optional<ClosureProgram> compile(CelAbstractSyntaxTree ast) {
        if (!ast.isChecked()) {
            return Optional.empty();
        }
        try {
            Scope scope = new Scope(ast.getReferenceMap());
            Node root = scope.compile(ast.getExpr());
            return Optional.of(new ClosureProgram(root, scope.slots));
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    /** Something this compiler does not cover; the expression runs on cel-java. */
    private static final class Unsupported extends Exception {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    /** The compilation of one AST: comprehension variables in scope, and the slots handed out so far. */
    private final class Scope {
        private final Map<Long, CelReference> references;
        /** Innermost last: a name bound twice (nested comprehensions) resolves to the inner binding. */
        private final List<Map.Entry<String, Integer>> bound = new ArrayList<>();
        int slots;

        Scope(Map<Long, CelReference> references) {
            this.references = references;
        }

        Node compile(CelExpr e) throws Unsupported {
            return switch (e.exprKind().getKind()) {
                case CONSTANT -> constant(e.constant());
                case IDENT -> ident(e.ident().name());
                case SELECT -> select(e);
                case CALL -> call(e);
                case LIST -> list(e.list());
                case MAP -> map(e.map());
                case COMPREHENSION -> comprehension(e.comprehension());
                default -> throw new Unsupported(e.exprKind().getKind().name());
            };
        }

        private Node constant(CelConstant c) throws Unsupported {
            Object value = switch (c.getKind()) {
                case BOOLEAN_VALUE -> c.booleanValue();
                case INT64_VALUE -> c.int64Value();
                case DOUBLE_VALUE -> c.doubleValue();
                case STRING_VALUE -> c.stringValue();
                case NULL_VALUE -> dev.cel.common.values.NullValue.NULL_VALUE; // what cel-java gives a literal null
                default -> throw new Unsupported("constant " + c.getKind());
            };
            return f -> value;
        }

        private Node ident(String name) throws Unsupported {
            for (int i = bound.size() - 1; i >= 0; i--) {
                if (bound.get(i).getKey().equals(name)) {
                    int slot = bound.get(i).getValue();
                    return f -> f.slots[slot];
                }
            }
            int index = variables.indexOf(name);
            if (index >= 0) {
                return f -> {
                    Object v = f.variables.get(index);
                    return v == null ? Unknown.VALUE : v;
                };
            }
            TypeValue type = TypeValue.named(name);
            if (type != null) {
                return f -> type;
            }
            throw new Unsupported("identifier " + name);
        }

        private Node select(CelExpr e) throws Unsupported {
            if (references.containsKey(e.id())) {
                throw new Unsupported("qualified name"); // a.b.c resolved by the checker to a declared name
            }
            Node operand = compile(e.select().operand());
            String field = e.select().field();
            if (e.select().testOnly()) {
                return f -> {
                    Object v = operand.eval(f);
                    if (v == Unknown.VALUE) {
                        return Unknown.VALUE;
                    }
                    if (v instanceof Map<?, ?> m) {
                        return m.containsKey(field); // true for a key holding an unknown, as cel-java says
                    }
                    throw Semantics.bail("has() of a non-map");
                };
            }
            return f -> {
                Object v = operand.eval(f);
                if (v == Unknown.VALUE) {
                    return Unknown.VALUE;
                }
                Map<?, ?> m = requireMap(v);
                Object value = m.get(field);
                if (value == null && m.containsKey(field)) {
                    return Unknown.VALUE; // cel-java: unknown (where m[field] would be an error, which bails)
                }
                return Semantics.index(m, field);
            };
        }

        private Node list(CelExpr.CelList list) throws Unsupported {
            if (!list.optionalIndices().isEmpty()) {
                throw new Unsupported("optional list element");
            }
            Node[] elements = compileAll(list.elements());
            if (elements.length == 0) {
                return f -> List.of();
            }
            return StandardCalls.strict(elements, List::of);
        }

        private Node map(CelExpr.CelMap map) throws Unsupported {
            List<Node> keys = new ArrayList<>();
            List<Node> values = new ArrayList<>();
            for (CelExpr.CelMap.Entry entry : map.entries()) {
                if (entry.optionalEntry()) {
                    throw new Unsupported("optional map entry");
                }
                keys.add(compile(entry.key()));
                values.add(compile(entry.value()));
            }
            Node[] keysAndValues = new Node[keys.size() * 2];
            for (int i = 0; i < keys.size(); i++) {
                keysAndValues[2 * i] = keys.get(i);
                keysAndValues[2 * i + 1] = values.get(i);
            }
            // Not StandardCalls.strict: measured on cel-java 0.14, a repeated key is an error even where a value is
            // unknown ({'s': item.unknown, 's': 1}), so the keys are checked before an unknown is the answer.
            return f -> {
                Map<String, Object> out = new LinkedHashMap<>();
                boolean unknown = false;
                for (int i = 0; i < keysAndValues.length; i += 2) {
                    Object key = keysAndValues[i].eval(f);
                    Object value = keysAndValues[i + 1].eval(f);
                    if (key == Unknown.VALUE || value == Unknown.VALUE) {
                        unknown = true;
                    }
                    if (key != Unknown.VALUE && (!(key instanceof String k) || out.put(k, value) != null)) {
                        throw Semantics.bail("map literal key not a string, or repeated");
                    }
                }
                return unknown ? Unknown.VALUE : out;
            };
        }

        private Node comprehension(CelExpr.CelComprehension c) throws Unsupported {
            if (!c.iterVar2().isEmpty()) {
                throw new Unsupported("two-variable comprehension");
            }
            Set<String> initNames = freeIdentifiers(c.accuInit());
            if (initNames.contains(c.accuVar()) || rebinds(c.result(), initNames)) {
                // Measured: cel-java 0.14 evaluates a cel.bind value lazily, where the name is first used, with the
                // names in scope there. So [5].map(x, cel.bind(b, x, [1, 2].map(x, b))) is [[1, 1]] to it (closures
                // said [[5, 5]]), and cel.bind(b, 1, cel.bind(b, b + 1, b)) overflows its stack. Left to cel-java.
                throw new Unsupported("cel.bind value whose names are bound again where it is used");
            }
            Node range = compile(c.iterRange());
            Node init = compile(c.accuInit());
            int accu = slots++;
            int iter = slots++;
            bound.add(Map.entry(c.accuVar(), accu));
            bound.add(Map.entry(c.iterVar(), iter));
            Node condition = compile(c.loopCondition());
            Node step = compile(c.loopStep());
            bound.remove(bound.size() - 1);
            Node result = compile(c.result());
            bound.remove(bound.size() - 1);
            if (c.iterRange().exprKind().getKind() == CelExpr.ExprKind.Kind.LIST
                    && c.iterRange().list().elements().isEmpty()) {
                // cel.bind(name, value, body): a comprehension over nothing, whose accumulator is the name.
                return f -> {
                    f.slots[accu] = init.eval(f);
                    return result.eval(f);
                };
            }
            int max = maxIterations;
            return f -> {
                Object over = range.eval(f);
                Object first = init.eval(f);
                if (over == Unknown.VALUE) {
                    return Unknown.VALUE;
                }
                Iterable<?> elements;
                if (over instanceof List<?> l) {
                    elements = l;
                } else if (over instanceof Map<?, ?> m) {
                    elements = m.keySet();
                } else {
                    throw Semantics.bail("comprehension over a non-container");
                }
                f.slots[accu] = first;
                int count = 0;
                for (Object element : elements) {
                    if (++count > max || element == null) {
                        throw Semantics.bail("iteration limit, or an unknown element");
                    }
                    f.slots[iter] = element;
                    if (!Semantics.bool(condition.eval(f))) {
                        break;
                    }
                    f.slots[accu] = step.eval(f);
                }
                return result.eval(f);
            };
        }

        private Node[] compileAll(List<CelExpr> exprs) throws Unsupported {
            Node[] out = new Node[exprs.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = compile(exprs.get(i));
            }
            return out;
        }

        private Node call(CelExpr e) throws Unsupported {
            CelExpr.CelCall call = e.call();
            List<CelExpr> argExprs = new ArrayList<>();
            call.target().ifPresent(argExprs::add);
            argExprs.addAll(call.args());
            Node[] args = compileAll(argExprs);
            String name = call.function();
            boolean receiver = call.target().isPresent();
            Node standard = StandardCalls.of(name, receiver, args);
            if (standard != null) {
                return standard;
            }
            CelReference ref = references.get(e.id());
            if (ref != null && ref.overloadIds().size() == 1 && functions.containsKey(ref.overloadIds().get(0))) {
                return CustomCall.of(functions.get(ref.overloadIds().get(0)), args);
            }
            throw new Unsupported("function " + name);
        }
    }

    /** The identifiers {@code e} mentions that are not bound inside it (variables, and names bound around it). */
    private static Set<String> freeIdentifiers(CelExpr e) {
        Set<String> out = new HashSet<>();
        switch (e.exprKind().getKind()) {
            case IDENT -> out.add(e.ident().name());
            case COMPREHENSION -> {
                CelExpr.CelComprehension c = e.comprehension();
                out.addAll(freeIdentifiers(c.iterRange()));
                out.addAll(freeIdentifiers(c.accuInit()));
                Set<String> loop = freeIdentifiers(c.loopCondition());
                loop.addAll(freeIdentifiers(c.loopStep()));
                loop.removeAll(List.of(c.iterVar(), c.iterVar2(), c.accuVar()));
                out.addAll(loop);
                Set<String> result = freeIdentifiers(c.result());
                result.remove(c.accuVar());
                out.addAll(result);
            }
            default -> children(e).forEach(child -> out.addAll(freeIdentifiers(child)));
        }
        return out;
    }

    /** Whether a comprehension or cel.bind inside {@code e} binds one of {@code names}. */
    private static boolean rebinds(CelExpr e, Set<String> names) {
        if (e.exprKind().getKind() == CelExpr.ExprKind.Kind.COMPREHENSION) {
            CelExpr.CelComprehension c = e.comprehension();
            if (names.contains(c.iterVar()) || names.contains(c.iterVar2()) || names.contains(c.accuVar())) {
                return true;
            }
        }
        for (CelExpr child : children(e)) {
            if (rebinds(child, names)) {
                return true;
            }
        }
        return false;
    }

    private static List<CelExpr> children(CelExpr e) {
        List<CelExpr> out = new ArrayList<>();
        switch (e.exprKind().getKind()) {
            case SELECT -> out.add(e.select().operand());
            case CALL -> {
                e.call().target().ifPresent(out::add);
                out.addAll(e.call().args());
            }
            case LIST -> out.addAll(e.list().elements());
            case MAP -> e.map().entries().forEach(x -> {
                out.add(x.key());
                out.add(x.value());
            });
            case COMPREHENSION -> {
                CelExpr.CelComprehension c = e.comprehension();
                out.addAll(List.of(c.iterRange(), c.accuInit(), c.loopCondition(), c.loopStep(), c.result()));
            }
            default -> {
            }
        }
        return out;
    }

    private static Map<?, ?> requireMap(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        throw Semantics.bail("field of a non-map");
    }
}
