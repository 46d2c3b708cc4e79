package dev.tollgate.evidence;

/**
 * A failure that a suppression accepted (see {@link Suppressions}).
 *
 * @param evaluation the failing evaluation
 * @param reason why it is accepted, as the suppression states it
 */
public record SuppressedEvaluation(ControlEvaluation evaluation, String reason) {
}
