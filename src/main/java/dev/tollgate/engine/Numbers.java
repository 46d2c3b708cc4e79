package dev.tollgate.engine;

import java.util.regex.Pattern;

/**
 * Numbers as configurations write them: Terraform and YAML numbers, and the same as text ({@code "7"},
 * {@code " 30 "}, {@code "1e3"}), which Terraform converts and env readers parse. CEL's {@code int()} and
 * {@code double()} end a condition in an error on anything else, quoting Java ({@code For input string: "7 days"},
 * {@code double is out of range}); policies ask {@code is_number} first and leave such a value unjudged.
 */
final class Numbers {

    /** Decimal notation only: Java's parseDouble also reads "NaN", "Infinity", "0x1p3" and "7d", no setting's value. */
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    private Numbers() {
    }

    /** Whether {@link #of} reads a number: an int, a double other than NaN, or a decimal number as text. */
    static boolean isNumber(Object value) {
        return !Double.isNaN(of(value));
    }

    /**
     * The value as a double, NaN when it is no number (a list, a map, null, {@code "%[99]"}). A double, not an int:
     * a value beyond a long ({@code 1e400}, 23 digits) is then infinite or large, and compares as the size it is.
     */
    static double of(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof String s) {
            String t = s.strip();
            if (DECIMAL.matcher(t).matches()) {
                return Double.parseDouble(t);
            }
        }
        return Double.NaN;
    }
}
