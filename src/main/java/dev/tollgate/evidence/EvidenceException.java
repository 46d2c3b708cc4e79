package dev.tollgate.evidence;

import java.util.List;
import java.util.stream.Collectors;

/** Evidence input that is wrong (exit code 2): nothing is written. */
public final class EvidenceException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<EvidenceError> errors;

    public EvidenceException(List<EvidenceError> errors) {
        super(errors.stream().map(EvidenceError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<EvidenceError> errors() {
        return errors;
    }
}
