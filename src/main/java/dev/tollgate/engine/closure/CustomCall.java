package dev.tollgate.engine.closure;

import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelFunctionOverload;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A call of a function bound for cel-java ({@code PolicyFunctions}, {@code matches}), through the same binding: the
 * same Java code answers either way. The arguments must be of the classes the binding declares, as cel-java requires.
 */
final class CustomCall {

    private CustomCall() {
    }

    static Node of(CelFunctionBinding binding, Node[] args) {
        CelFunctionOverload function = binding.getDefinition();
        Class<?>[] types = binding.getArgTypes().toArray(new Class<?>[0]);
        if (types.length != args.length) {
            return f -> {
                throw Semantics.bail("arity");
            };
        }
        return StandardCalls.strict(args, values -> {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (!types[i].isInstance(v) || v instanceof Optional || v instanceof TypeValue) {
                    throw Semantics.bail("argument class");
                }
            }
            Object result;
            try {
                result = function.apply(values);
            } catch (Exception e) {
                throw Semantics.bail("function failed");
            }
            if (result instanceof Boolean || result instanceof String || result instanceof Long
                    || result instanceof Double || result instanceof Map || result instanceof List
                    || Semantics.isNull(result)) {
                return result;
            }
            throw Semantics.bail("function result class");
        });
    }
}
