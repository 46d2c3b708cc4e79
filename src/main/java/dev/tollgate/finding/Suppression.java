package dev.tollgate.finding;

import dev.tollgate.model.SourceLocation;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Why a finding is accepted rather than fixed. A suppressed finding is not lost: JSON, text and the evidence export
 * list it with its reason; SARIF carries it only on request, because GitHub shows suppressed results as open alerts.
 *
 * @param source where the suppression was written
 * @param reason why; required, never empty
 * @param until the last day it applies, or null for no expiry
 * @param where the comment, annotation or configuration entry that says so
 */
public record Suppression(Source source, String reason, LocalDate until, SourceLocation where) {

    /** Where a suppression comes from. SARIF calls the first two {@code inSource} and the last {@code external}. */
    public enum Source {
        /** A {@code tollgate:ignore} comment in the scanned file. */
        COMMENT,
        /** A {@code tollgate.dev/ignore} annotation on a Kubernetes object. */
        ANNOTATION,
        /** An entry in the configuration file. */
        CONFIG
    }

    public Suppression {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(where, "where");
    }

    public boolean inSource() {
        return source != Source.CONFIG;
    }
}
