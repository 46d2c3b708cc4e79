package dev.tollgate.finding;

import dev.tollgate.model.Problem;
import dev.tollgate.policy.ChecklistItem;
import dev.tollgate.policy.Policy;
import dev.tollgate.policy.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a scan found, in report order: what every reporter renders.
 *
 * @param toolVersion Tollgate's version
 * @param policies the policies that ran, by id
 * @param checklist the checklist items they trace to, by id
 * @param evaluations every evaluation (passes, failures, errors), in {@link Evaluation#REPORT_ORDER}
 * @param files the files read, by path
 * @param problems files or parts of files not understood, and policy errors, sorted
 * @param baseline what comparing with a baseline found, or null when there was no baseline
 * @param unlistedPasses passes that were counted but not kept in {@code evaluations}: a scan whose reports show no
 *     pass keeps only their number (see {@code PolicyEngine.Passes})
 */
public record ScanReport(
        String toolVersion,
        List<Policy> policies,
        List<ChecklistItem> checklist,
        List<Evaluation> evaluations,
        List<ScannedFile> files,
        List<Problem> problems,
        BaselineSummary baseline,
        long unlistedPasses) {

    public ScanReport(String toolVersion, List<Policy> policies, List<ChecklistItem> checklist,
            List<Evaluation> evaluations, List<ScannedFile> files, List<Problem> problems) {
        this(toolVersion, policies, checklist, evaluations, files, problems, null, 0);
    }

    public ScanReport(String toolVersion, List<Policy> policies, List<ChecklistItem> checklist,
            List<Evaluation> evaluations, List<ScannedFile> files, List<Problem> problems, BaselineSummary baseline) {
        this(toolVersion, policies, checklist, evaluations, files, problems, baseline, 0);
    }

    public ScanReport {
        policies = List.copyOf(policies);
        checklist = List.copyOf(checklist);
        // A list sortedForReport made is immutable already; copying it would lose what it knows of its order.
        evaluations = Evaluation.isInReportOrder(evaluations) ? evaluations : List.copyOf(evaluations);
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    /** The findings: failing evaluations that are neither suppressed nor already in the baseline. */
    public List<Evaluation> findings() {
        return evaluations.stream().filter(Evaluation::isFinding).toList();
    }

    /** Failing evaluations accepted by a suppression, with their reasons. */
    public List<Evaluation> suppressed() {
        return evaluations.stream().filter(Evaluation::isSuppressed).toList();
    }

    /** Unsuppressed failures already in the baseline. */
    public List<Evaluation> unchanged() {
        return evaluations.stream()
                .filter(e -> e.outcome() == Outcome.FAIL && e.suppression() == null
                        && e.baseline() == BaselineState.UNCHANGED)
                .toList();
    }

    /** The same report with other evaluations (suppressions or baseline states applied), re-sorted. */
    public ScanReport withEvaluations(List<Evaluation> newEvaluations) {
        return new ScanReport(toolVersion, policies, checklist, Evaluation.sortedForReport(newEvaluations), files,
                problems, baseline, unlistedPasses);
    }

    public ScanReport withProblems(List<Problem> newProblems) {
        List<Problem> sorted = new java.util.ArrayList<>(newProblems);
        sorted.sort(null);
        return new ScanReport(toolVersion, policies, checklist, evaluations, files, sorted, baseline, unlistedPasses);
    }

    public ScanReport withBaseline(BaselineSummary summary) {
        return new ScanReport(toolVersion, policies, checklist, evaluations, files, problems, summary, unlistedPasses);
    }

    /** How many evaluations had {@code outcome}; passes include the {@link #unlistedPasses()}. */
    public long count(Outcome outcome) {
        long listed = evaluations.stream().filter(e -> e.outcome() == outcome).count();
        return outcome == Outcome.PASS ? listed + unlistedPasses : listed;
    }

    /** Findings per severity, every severity present (zero when none). */
    public Map<Severity, Long> findingsBySeverity() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0L);
        }
        for (Evaluation e : findings()) {
            counts.merge(e.severity(), 1L, Long::sum);
        }
        return counts;
    }

    /** The policy with {@code id}; every evaluation's policy is in {@link #policies()}. */
    public Policy policy(String id) {
        return policies.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no policy " + id));
    }

    /**
     * The policies by id, the first of each id as {@link #policy} finds it: for a reporter that looks up the policy of
     * every finding, where searching the list each time was a measurable part of writing a large report.
     */
    public Map<String, Policy> policiesById() {
        Map<String, Policy> byId = new java.util.HashMap<>();
        for (Policy p : policies) {
            byId.putIfAbsent(p.id(), p);
        }
        return byId;
    }

    /** True when any finding is at least as severe as {@code threshold}; {@code null} means never. */
    public boolean hasFindingsAtOrAbove(Severity threshold) {
        return threshold != null && findings().stream().anyMatch(e -> e.severity().atLeast(threshold));
    }
}
