package dev.tollgate.cli;

/** Tollgate's exit codes, listed in {@code --help}. */
public enum ExitCode {
    /** No finding at or above --fail-on. */
    CLEAN(0),
    /** Findings at or above --fail-on. */
    FINDINGS(1),
    /** Usage or configuration error: unknown flag, missing path, a policy that does not load or compile. */
    USAGE(2),
    /** Internal error: a bug in Tollgate. */
    INTERNAL(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
