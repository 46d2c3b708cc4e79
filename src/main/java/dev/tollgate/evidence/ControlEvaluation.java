package dev.tollgate.evidence;

import dev.tollgate.finding.Evaluation;
import java.util.Locale;

/**
 * One evaluation behind a control, as evidence.json lists it.
 *
 * @param policyId the policy that judged
 * @param file the file, relative to its scan root
 * @param line 1-based line of the judged element
 * @param column 1-based column
 * @param resource the resource's address ({@code Deployment/web}, {@code services.redis})
 * @param result {@code pass}, {@code fail} or {@code error}
 * @param message what the policy said, already redacted (never a secret value)
 */
public record ControlEvaluation(
        String policyId, String file, int line, int column, String resource, String result, String message) {

    static ControlEvaluation of(Evaluation e) {
        return new ControlEvaluation(e.policyId(), e.location().file(), e.location().line(), e.location().column(),
                e.resourceAddress(), e.outcome().name().toLowerCase(Locale.ROOT), e.message());
    }
}
