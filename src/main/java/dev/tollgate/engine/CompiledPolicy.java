package dev.tollgate.engine;

import dev.tollgate.policy.Policy;
import java.util.List;

/**
 * A policy ready to run: its CEL programs compiled once at start.
 *
 * @param policy the policy
 * @param condition the compiled condition
 * @param message the compiled message expression, or null
 * @param selector the compiled selector, or null to judge the whole resource
 * @param answers the condition's answers by the values it reads, when those are only {@code item} and a few
 *     {@code meta} fields ({@link ConditionInputs}); else null
 */
record CompiledPolicy(Policy policy, CompiledExpression condition, CompiledExpression message, Selector selector,
        Answers answers) {

    /**
     * Whether {@code selectTypes} skips every parsed map and list, so that the selector need not give them: a parsed
     * map is always a CEL map, and a parsed list a CEL list or, holding a value known only after apply, unknown, which
     * {@code selectTypes} cannot name ({@link CelValues}).
     */
    boolean scalarsOnly() {
        List<String> types = policy.selectTypes();
        return !types.isEmpty() && !types.contains("map") && !types.contains("list");
    }
}
