package dev.tollgate.parse.yaml;

import org.yaml.snakeyaml.error.Mark;

/**
 * Counts the nodes that alias expansion and merge keys add to one document, and stops at a fixed number.
 *
 * <p>Why our own count when the composer already limits aliases: a billion-laughs file needs fewer aliases (8 levels
 * of 9 is 72) than any sensible alias limit, yet expands to hundreds of millions of nodes. Counting what expansion
 * produces catches it after a fraction of a second, whatever its shape.
 */
final class ExpansionBudget {

    private final int max;
    private int used;

    ExpansionBudget(int max) {
        this.max = max;
    }

    /** Records one more expanded node, written at {@code where}; throws once the budget is spent. */
    void charge(Mark where) {
        if (++used > max) {
            throw new YamlLimitExceeded(where, "YAML aliases expand to more than " + max
                    + " nodes; refusing to expand them (possible alias bomb)");
        }
    }
}
