package dev.tollgate.evidence;

import dev.tollgate.finding.Evaluation;
import java.util.Optional;

/**
 * Suppressed findings: accepted risks, each with a reason. A failure a suppression covers is listed under the
 * control's {@code suppressed} entries with the reason, and no longer makes the control fail.
 */
@FunctionalInterface
public interface Suppressions {

    /** Nothing is suppressed. */
    Suppressions NONE = evaluation -> Optional.empty();

    /** What the scan's suppressor decided: {@code tollgate:ignore} comments, annotations, configuration rules. */
    Suppressions FROM_SCAN = evaluation -> Optional.ofNullable(evaluation.suppression())
            .map(dev.tollgate.finding.Suppression::reason);

    /** Why {@code evaluation} (a failure) is accepted, or empty when it is not suppressed. */
    Optional<String> reason(Evaluation evaluation);
}
