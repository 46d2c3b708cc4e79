package dev.tollgate.finding;

import dev.tollgate.model.SourceLocation;
import dev.tollgate.policy.Severity;
import java.util.Comparator;
import java.util.Objects;

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
        String fingerprint) {

    /** Report order: file, line, column, then policy id and pointer, so output is deterministic. */
    public static final Comparator<Evaluation> REPORT_ORDER = Comparator
            .comparing(Evaluation::location)
            .thenComparing(Evaluation::policyId)
            .thenComparing(Evaluation::resourceAddress)
            .thenComparing(Evaluation::pointer);

    public Evaluation {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(resourceAddress, "resourceAddress");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
