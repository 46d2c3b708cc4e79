package dev.tollgate.testing;

import java.util.List;

/**
 * A stream of choices for the property tests' generators, drawn by jqwik as a list of integers; past its end every
 * choice is 0, the simplest, so that jqwik shrinks a failing case by shortening the list. Not thread-safe: one per
 * generated case.
 */
public final class Choices {
    private final List<Integer> values;
    private int at;

    public Choices(List<Integer> values) {
        this.values = values;
    }

    /** A number in [0, n). */
    public int next(int n) {
        return at < values.size() ? Math.floorMod(values.get(at++), n) : 0;
    }

    /** True with about this chance; false once the stream is spent. */
    public boolean chance(int percent) {
        return next(100) >= 100 - percent;
    }

    public <T> T pick(List<T> options) {
        return options.get(next(options.size()));
    }
}
