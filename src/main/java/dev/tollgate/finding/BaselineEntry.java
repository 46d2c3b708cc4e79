package dev.tollgate.finding;

/**
 * One accepted finding in a baseline file. Matching is by {@code fingerprint}: policy id, file, resource address
 * and the offending element's pointer, never the line, so moving code does not resurrect findings.
 *
 * @param fingerprint the finding's fingerprint
 * @param policy policy id, for people reading the file
 * @param file file path, for people
 * @param resource resource address, for people
 * @param pointer the offending element, for people
 */
public record BaselineEntry(String fingerprint, String policy, String file, String resource, String pointer) {
}
