package dev.tollgate.engine;

import dev.cel.runtime.CelRuntime;
import dev.tollgate.policy.Policy;

/**
 * A policy ready to run: its CEL programs compiled once at start.
 *
 * @param policy the policy
 * @param condition the compiled condition
 * @param message the compiled message expression, or null
 * @param selector the compiled selector, or null to judge the whole resource
 * @param answers the condition's answers by value, when the condition reads nothing but {@code item}; else null
 */
record CompiledPolicy(Policy policy, CelRuntime.Program condition, CelRuntime.Program message, Selector selector,
        ItemAnswers answers) {
}
