package dev.tollgate.policy;

import java.util.List;
import java.util.stream.Collectors;

/** Policies that did not load or compile. A configuration error: the scan does not start. */
public final class PolicyLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<PolicyError> errors;

    public PolicyLoadException(List<PolicyError> errors) {
        super(errors.stream().map(PolicyError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<PolicyError> errors() {
        return errors;
    }
}
