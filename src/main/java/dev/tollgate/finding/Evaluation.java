package dev.tollgate.finding;

import dev.tollgate.model.ParallelSort;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.policy.Severity;
import java.util.AbstractList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * One policy judged against one resource or one element of it. A failing evaluation is a finding.
 *
 * @param policyId the policy
 * @param severity the policy's severity
 * @param outcome pass, fail or error
 * @param location where to point: the offending element's line, else the resource's
 * @param resourceAddress the resource's stable address ({@code Deployment/web}, {@code services.redis})
 * @param resourceKind the resource's kind
 * @param resourceName the resource's name
 * @param pointer JSON pointer of the judged element inside the resource ({@code ""} for the whole resource)
 * @param message what is wrong (for a failure), already redacted: never contains a secret value
 * @param fingerprint stable identity that survives lines moving: policy, file, resource address and pointer
 * @param suppression why this failure is accepted, or null
 * @param baseline how this failure compares with a baseline, or null when the scan has none
 * @param callSites the Terraform module blocks that lead to the resource, outermost first; empty elsewhere
 */
public record Evaluation(
        String policyId,
        Severity severity,
        Outcome outcome,
        SourceLocation location,
        String resourceAddress,
        String resourceKind,
        String resourceName,
        String pointer,
        String message,
        String fingerprint,
        Suppression suppression,
        BaselineState baseline,
        List<SourceLocation> callSites) {

    /**
     * Report order: file, line, column, then policy id, resource and pointer, then the module calls that lead to the
     * resource (a module called from several roots gives the same resource once per call) and the outcome, so that
     * the order never depends on which thread judged what.
     */
    public static final Comparator<Evaluation> REPORT_ORDER = Evaluation::compareForReport;

    /**
     * {@link #REPORT_ORDER}, written out rather than chained with {@code Comparator.comparing}: every report sorts
     * tens of thousands of evaluations, neighbours share their file, policy and resource, and the chain's
     * key-extractor lambdas cost more than the comparisons (equal strings are usually the same instance).
     */
    private static int compareForReport(Evaluation a, Evaluation b) {
        int c = a.location.compareTo(b.location);
        if (c == 0) {
            c = compareStrings(a.policyId, b.policyId);
        }
        if (c == 0) {
            c = compareStrings(a.resourceAddress, b.resourceAddress);
        }
        if (c == 0) {
            c = compareStrings(a.pointer, b.pointer);
        }
        if (c == 0) {
            c = compareCallSites(a.callSites, b.callSites);
        }
        if (c == 0) {
            c = a.outcome.compareTo(b.outcome);
        }
        return c != 0 ? c : compareStrings(a.message, b.message);
    }

    /**
     * {@code evaluations} in {@link #REPORT_ORDER}: the list itself when it already is, as a scan's report is, else a
     * sorted copy. Checking costs one comparison per neighbour, as sorting a sorted list does, without the copy.
     */
    public static List<Evaluation> inReportOrder(List<Evaluation> evaluations) {
        if (evaluations instanceof InReportOrder) {
            return evaluations; // sorted when made, and immutable since: checking would cost as much as sorting again
        }
        for (int i = 1; i < evaluations.size(); i++) {
            if (compareForReport(evaluations.get(i - 1), evaluations.get(i)) > 0) {
                return sortedForReport(evaluations);
            }
        }
        return evaluations;
    }

    /** A copy of {@code evaluations} in {@link #REPORT_ORDER}; a stable sort (equal ones stay as they came). */
    public static List<Evaluation> sortedForReport(Collection<Evaluation> evaluations) {
        Evaluation[] sorted = evaluations.toArray(new Evaluation[0]);
        ParallelSort.sort(sorted, REPORT_ORDER);
        return new InReportOrder(sorted);
    }

    /**
     * Whether {@code evaluations} is known to be in {@link #REPORT_ORDER} without looking: a list
     * {@link #sortedForReport} made. A scan's report is one, and each reporter used to check its order again (80,000
     * comparisons, a third of building a large JSON report).
     */
    public static boolean isInReportOrder(List<Evaluation> evaluations) {
        return evaluations instanceof InReportOrder;
    }

    /** What {@link #sortedForReport} gives: its own sorted array, read-only. */
    private static final class InReportOrder extends AbstractList<Evaluation> implements RandomAccess {
        private final Evaluation[] sorted;

        InReportOrder(Evaluation[] sorted) {
            this.sorted = sorted;
        }

        @Override
        public Evaluation get(int index) {
            return sorted[index];
        }

        @Override
        public int size() {
            return sorted.length;
        }
    }

    private static int compareStrings(String a, String b) {
        return a == b ? 0 : a.compareTo(b);
    }

    private static int compareCallSites(List<SourceLocation> a, List<SourceLocation> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    public Evaluation {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(resourceAddress, "resourceAddress");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fingerprint, "fingerprint");
        callSites = callSites == null ? List.of() : List.copyOf(callSites);
    }

    public Evaluation(String policyId, Severity severity, Outcome outcome, SourceLocation location,
            String resourceAddress, String resourceKind, String resourceName, String pointer, String message,
            String fingerprint, Suppression suppression, BaselineState baseline) {
        this(policyId, severity, outcome, location, resourceAddress, resourceKind, resourceName, pointer, message,
                fingerprint, suppression, baseline, List.of());
    }

    /** An evaluation neither suppressed nor compared with a baseline. */
    public Evaluation(String policyId, Severity severity, Outcome outcome, SourceLocation location,
            String resourceAddress, String resourceKind, String resourceName, String pointer, String message,
            String fingerprint) {
        this(policyId, severity, outcome, location, resourceAddress, resourceKind, resourceName, pointer, message,
                fingerprint, null, null);
    }

    /** A failure that counts: not suppressed and not already in the baseline. */
    public boolean isFinding() {
        return outcome == Outcome.FAIL && suppression == null && baseline != BaselineState.UNCHANGED;
    }

    public boolean isSuppressed() {
        return outcome == Outcome.FAIL && suppression != null;
    }

    public Evaluation withSuppression(Suppression s) {
        return new Evaluation(policyId, severity, outcome, location, resourceAddress, resourceKind, resourceName,
                pointer, message, fingerprint, s, baseline, callSites);
    }

    public Evaluation withBaseline(BaselineState state) {
        return new Evaluation(policyId, severity, outcome, location, resourceAddress, resourceKind, resourceName,
                pointer, message, fingerprint, suppression, state, callSites);
    }

    public Evaluation withMessage(String newMessage) {
        return new Evaluation(policyId, severity, outcome, location, resourceAddress, resourceKind, resourceName,
                pointer, newMessage, fingerprint, suppression, baseline, callSites);
    }

    /** With a different severity, as a configuration file's severity override gives. */
    public Evaluation withSeverity(Severity newSeverity) {
        return new Evaluation(policyId, newSeverity, outcome, location, resourceAddress, resourceKind, resourceName,
                pointer, message, fingerprint, suppression, baseline, callSites);
    }
}
