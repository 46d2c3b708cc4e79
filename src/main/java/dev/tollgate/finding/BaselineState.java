package dev.tollgate.finding;

/** A finding compared with a baseline, named as SARIF's {@code baselineState} names them. */
public enum BaselineState {
    /** Not in the baseline: reported. */
    NEW,
    /** In the baseline: known, not reported as new. */
    UNCHANGED
}
