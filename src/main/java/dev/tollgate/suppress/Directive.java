package dev.tollgate.suppress;

import dev.tollgate.model.SourceLocation;
import java.time.LocalDate;
import java.util.List;

/**
 * One {@code tollgate:ignore} written in a file or an annotation: which policies, why, until when.
 *
 * @param where the comment or annotation
 * @param policies policy ids it names
 * @param reason why; empty when the author gave none (then it suppresses nothing and is reported)
 * @param until last day it applies, or null
 */
record Directive(SourceLocation where, List<String> policies, String reason, LocalDate until) {

    Directive {
        policies = List.copyOf(policies);
    }

    boolean names(String policyId) {
        return policies.contains(policyId) || policies.contains("*");
    }
}
