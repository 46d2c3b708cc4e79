package dev.tollgate.parse.compose;

import java.math.BigDecimal;

/** Turns YAML scalars into the strings compose would pass to a container. */
final class ComposeStrings {

    private ComposeStrings() {
    }

    /**
     * {@code true} becomes {@code "true"}, {@code 8080} {@code "8080"}, {@code 1.50} {@code "1.5"} (compose formats
     * the number it read, not the text that was written), and {@code null} stays null (a variable with no value).
     */
    static String stringify(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
