package dev.tollgate.evidence;

/**
 * A configuration error in evidence input (an attestation file, SOURCE_DATE_EPOCH), located like a compiler error.
 *
 * @param file the file as given on the command line (or the setting's name)
 * @param line 1-based line, or 0 when the whole file is concerned
 * @param column 1-based column, or 0 when unknown
 * @param message what is wrong
 */
public record EvidenceError(String file, int line, int column, String message) {

    @Override
    public String toString() {
        if (line <= 0) {
            return file + ": " + message;
        }
        return file + ":" + line + ":" + Math.max(column, 1) + ": " + message;
    }
}
