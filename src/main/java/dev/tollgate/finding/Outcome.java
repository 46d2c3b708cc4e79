package dev.tollgate.finding;

/** What one evaluation of a policy against one resource (or one selected element) gave. */
public enum Outcome {
    /** The condition held: compliant. */
    PASS,
    /** The condition did not hold: a finding. */
    FAIL,
    /** The condition could not be evaluated (a missing key, a wrong type): neither pass nor fail. */
    ERROR,
    /**
     * The answer depends on a value known only after {@code terraform apply}: neither pass nor fail, and never a
     * false alarm. Counted and shown in every report.
     */
    UNKNOWN
}
