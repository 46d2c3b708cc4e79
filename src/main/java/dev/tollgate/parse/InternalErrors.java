package dev.tollgate.parse;

/**
 * Where a bug of ours caught while parsing is handed, besides the located problem every scan reports for it. The
 * problem names the file and the exception's class, which is all a user needs; the stack trace is for whoever fixes
 * the bug, so the CLI prints it to stderr under {@code --debug} and drops it otherwise. Implementations must be
 * thread-safe: files are parsed in parallel.
 */
@FunctionalInterface
public interface InternalErrors {

    /**
     * @param where the file (or {@code file:line}) being read when {@code error} was thrown
     * @param error what was thrown; its message may quote the input, secrets included, so never print it as is
     */
    void caught(String where, Throwable error);

    /** Drops every stack trace: what a scan without {@code --debug} and every library caller gets. */
    static InternalErrors ignore() {
        return (where, error) -> { };
    }
}
