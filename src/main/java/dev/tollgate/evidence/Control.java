package dev.tollgate.evidence;

import java.util.List;

/**
 * One checklist item with its status and the evidence behind it.
 *
 * @param checklistId the item's id
 * @param section the checklist section
 * @param text the item's text
 * @param automation {@code automated}, {@code partial} or {@code manual}, as the catalogue says
 * @param status the status (rules: {@link Controls})
 * @param scanResult what the evaluations alone say ({@code pass}, {@code fail}, {@code incomplete}, {@code unknown},
 *     {@code not_applicable}), for every item: equal to {@code status} unless the item is manual, where it keeps
 *     the failures of any policy that also checks a manual item from being hidden behind "manual"
 * @param policies the ids of the policies that trace to the item (empty: nothing checks it from files)
 * @param evaluations every unsuppressed evaluation of those policies: passes, failures, errors, in report order
 * @param suppressed failures accepted by a suppression, with the reason
 * @param notUnderstood the display paths, sorted, of the files not fully understood that the item's policies would
 *     judge ({@link NotUnderstoodFiles}); not empty makes an item without failure {@code incomplete}
 * @param attestations what people attested for the item
 */
public record Control(
        String checklistId,
        String section,
        String text,
        String automation,
        ControlStatus status,
        ControlStatus scanResult,
        List<String> policies,
        List<ControlEvaluation> evaluations,
        List<SuppressedEvaluation> suppressed,
        List<String> notUnderstood,
        List<Attestation> attestations) {

    public Control {
        policies = List.copyOf(policies);
        evaluations = List.copyOf(evaluations);
        suppressed = List.copyOf(suppressed);
        // Evidence of schema tollgate-evidence/1 has no not_understood: verify still reads it.
        notUnderstood = notUnderstood == null ? List.of() : List.copyOf(notUnderstood);
        attestations = List.copyOf(attestations);
    }
}
