package dev.tollgate.engine;

import dev.tollgate.policy.Policy;
import java.util.List;
import java.util.Set;

/**
 * A policy ready to run: its CEL programs compiled once at start.
 *
 * @param policy the policy
 * @param condition the compiled condition
 * @param message the compiled message expression, or null
 * @param selector the compiled selector, or null to judge the whole resource
 * @param answers the condition's answers by the values it reads, when those are only {@code item} and a few
 *     {@code meta} fields ({@link ConditionInputs}); else null
 * @param kinds the policy's kinds, as a set
 */
record CompiledPolicy(Policy policy, CompiledExpression condition, CompiledExpression message, Selector selector,
        Answers answers, Set<String> kinds) {

    CompiledPolicy(Policy policy, CompiledExpression condition, CompiledExpression message, Selector selector,
            Answers answers) {
        this(policy, condition, message, selector, answers, Set.copyOf(policy.kinds()));
    }

    /**
     * Whether the policy judges resources of this kind (its format already matched: {@code PolicyEngine} offers a
     * resource only its format's policies). An empty {@code kinds} judges every kind. A set, since Kubernetes policies
     * list up to a dozen kinds and this is asked of every resource.
     */
    boolean judgesKind(String kind) {
        return kinds.isEmpty() || kind != null && kinds.contains(kind); // an immutable set throws on contains(null)
    }

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
