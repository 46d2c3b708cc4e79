package dev.tollgate.evidence;

import dev.tollgate.finding.Evaluation;
import java.util.Optional;

/**
 * The hook for suppressed findings: accepted risks, each with a reason. Tollgate has no way to declare a suppression
 * yet, so the only implementation is {@link #NONE}; when one exists, a failure it covers is listed under the control's
 * {@code suppressed} entries with the reason, and no longer makes the control fail.
 */
@FunctionalInterface
public interface Suppressions {

    /** Nothing is suppressed (the only source today). */
    Suppressions NONE = evaluation -> Optional.empty();

    /** Why {@code evaluation} (a failure) is accepted, or empty when it is not suppressed. */
    Optional<String> reason(Evaluation evaluation);
}
