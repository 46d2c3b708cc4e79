package dev.tollgate.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration file that does not load: every mistake, located as {@code file:line:col: message}. */
public final class ConfigError extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<String> errors;

    public ConfigError(List<String> errors) {
        super(errors.stream().collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
