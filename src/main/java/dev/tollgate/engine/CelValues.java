package dev.tollgate.engine;

import com.google.protobuf.NullValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts parsed data into the value types cel-java evaluates correctly.
 *
 * <p>Measured: a Java {@code null} evaluates to an unknown set rather than {@code null}; an {@code Integer}
 * breaks arithmetic ({@code port + 1} has no overload); a {@code Set} has no {@code in}. So nulls become
 * {@link NullValue#NULL_VALUE}, every integer a {@code Long}, every fraction a {@code Double}, every collection a list,
 * and a Terraform {@link dev.tollgate.model.Unknown} the Java null that cel-java treats as unknown.
 */
final class CelValues {

    private CelValues() {
    }

    static Object of(Object value) {
        return new Conversion().convert(value);
    }

    /**
     * One conversion, which also says whether the converted data differs from the parsed data in more than its leaves
     * ({@link #reshaped}): a value known only after apply (it, or a list holding it, becomes a Java null) or two keys
     * of one map that read the same as strings (1 and "1"). Otherwise a parsed scalar converted alone is the same
     * value as the one at its place in the converted whole.
     */
    static final class Conversion {
        boolean reshaped;

        Object convert(Object value) {
            if (value == null) {
                return NullValue.NULL_VALUE;
            }
            if (value instanceof dev.tollgate.model.Unknown u && u.known() != null) {
                // jsonencode of a partly unknown value: judge its structure; the unknown parts stay unknown inside.
                reshaped = true;
                return convert(u.known());
            }
            if (value instanceof dev.tollgate.model.Unknown) {
                reshaped = true;
                // cel-java reads a Java null as an unknown: an expression that depends on it yields a CelUnknownSet,
                // while one that does not (`x || true`) still gives its answer. That is exactly "known after apply".
                return null;
            }
            if (value instanceof String || value instanceof Boolean || value instanceof Long
                    || value instanceof Double) {
                return value;
            }
            if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof Float) {
                return ((Float) value).doubleValue();
            }
            if (value instanceof BigInteger big) {
                return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
            }
            if (value instanceof BigDecimal dec) {
                return dec.doubleValue();
            }
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> {
                    if (out.put(String.valueOf(k), convert(v)) != null) {
                        reshaped = true; // a second key that reads the same (a null before it means unknown: set too)
                    }
                });
                return out;
            }
            if (value instanceof Collection<?> coll) {
                // cel-java treats null as unknown only where a map value or variable is read; a null list element is an
                // error. A list with an unknown element is therefore unknown as a whole: conservative, never a false
                // alarm.
                if (coll.stream().anyMatch(v -> v instanceof dev.tollgate.model.Unknown)) {
                    reshaped = true;
                    return null;
                }
                List<Object> out = new ArrayList<>(coll.size());
                coll.forEach(v -> out.add(convert(v)));
                return out;
            }
            return value.toString();
        }
    }
}
