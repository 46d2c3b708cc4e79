package dev.tollgate.evidence;

import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.Outcome;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.model.Format;
import dev.tollgate.policy.ChecklistItem;
import dev.tollgate.policy.Policy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a scan into one control per checklist item, in catalogue order, each item exactly once.
 *
 * <p>Status rules, in this order:
 * <ol>
 *   <li>{@code manual}: the catalogue says the item is manual (attested or not: attestations are shown beside it);</li>
 *   <li>{@code fail}: any unsuppressed failure of a policy tracing to the item (a known failure stands, whatever
 *       else was not read);</li>
 *   <li>{@code incomplete}: no failure, but at least one file not fully understood (parse error, unreadable, skipped,
 *       not scanned) may hold a format the item's policies judge ({@link NotUnderstoodFiles}): what was read cannot
 *       prove a pass, nor that nothing applies;</li>
 *   <li>{@code pass}: at least one resource was evaluated and none failed (a suppressed failure is evaluated and
 *       accepted, so it counts here);</li>
 *   <li>{@code unknown}: the only evaluations are errors;</li>
 *   <li>{@code not_applicable}: nothing in the scanned tree matched (including: no policy traces to the item).</li>
 * </ol>
 * Rules 2 to 6 alone are each control's {@code scan_result}, given for manual items too.
 */
public final class Controls {

    private Controls() {
    }

    public static List<Control> of(ScanReport report, Suppressions suppressions, List<Attestation> attestations) {
        Map<String, List<String>> policiesByItem = new LinkedHashMap<>();
        Map<String, Set<Format>> formatsByItem = new LinkedHashMap<>();
        Map<String, List<String>> itemsByPolicy = new LinkedHashMap<>();
        for (Policy p : report.policies()) {
            itemsByPolicy.put(p.id(), p.checklist());
            for (String item : p.checklist()) {
                policiesByItem.computeIfAbsent(item, k -> new ArrayList<>()).add(p.id());
                formatsByItem.computeIfAbsent(item, k -> EnumSet.noneOf(Format.class)).add(p.format());
            }
        }
        NotUnderstoodFiles gaps = NotUnderstoodFiles.of(report);
        Map<String, List<Evaluation>> evaluationsByItem = new LinkedHashMap<>();
        for (Evaluation e : report.evaluations()) { // already in report order
            for (String item : itemsByPolicy.getOrDefault(e.policyId(), List.of())) {
                evaluationsByItem.computeIfAbsent(item, k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, List<Attestation>> attestationsByItem = new LinkedHashMap<>();
        attestations.forEach(a -> attestationsByItem.computeIfAbsent(a.checklistId(), k -> new ArrayList<>()).add(a));

        List<Control> controls = new ArrayList<>();
        for (ChecklistItem item : report.checklist()) {
            List<ControlEvaluation> kept = new ArrayList<>();
            List<SuppressedEvaluation> suppressed = new ArrayList<>();
            for (Evaluation e : evaluationsByItem.getOrDefault(item.id(), List.of())) {
                Optional<String> reason = e.outcome() == Outcome.FAIL ? suppressions.reason(e) : Optional.empty();
                if (reason.isPresent()) {
                    suppressed.add(new SuppressedEvaluation(ControlEvaluation.of(e), reason.get()));
                } else {
                    kept.add(ControlEvaluation.of(e));
                }
            }
            List<String> notUnderstood = gaps.judgedBy(formatsByItem.getOrDefault(item.id(), Set.of()));
            boolean complete = notUnderstood.isEmpty();
            controls.add(new Control(item.id(), item.section(), item.text(), item.automation().id(),
                    status(item.automation(), kept, !suppressed.isEmpty(), complete),
                    status(ChecklistItem.Automation.AUTOMATED, kept, !suppressed.isEmpty(), complete),
                    policiesByItem.getOrDefault(item.id(), List.of()), kept, suppressed, notUnderstood,
                    attestationsByItem.getOrDefault(item.id(), List.of())));
        }
        return controls;
    }

    /**
     * The status rules of the class comment, for one item's unsuppressed evaluations; {@code complete} is false when a
     * file its policies would judge was not fully understood.
     */
    static ControlStatus status(ChecklistItem.Automation automation, List<ControlEvaluation> evaluations,
            boolean anySuppressed, boolean complete) {
        if (automation == ChecklistItem.Automation.MANUAL) {
            return ControlStatus.MANUAL;
        }
        if (evaluations.stream().anyMatch(e -> e.result().equals("fail"))) {
            return ControlStatus.FAIL;
        }
        if (!complete) {
            return ControlStatus.INCOMPLETE;
        }
        if (anySuppressed || evaluations.stream().anyMatch(e -> e.result().equals("pass"))) {
            return ControlStatus.PASS;
        }
        if (!evaluations.isEmpty()) {
            return ControlStatus.UNKNOWN;
        }
        return ControlStatus.NOT_APPLICABLE;
    }
}
