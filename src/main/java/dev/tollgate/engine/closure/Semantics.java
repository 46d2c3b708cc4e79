package dev.tollgate.engine.closure;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The value rules closures share, each written to agree with cel-java 0.14's interpreter where it answers and to
 * bail where it errs, yields an unknown, or behaves in a way not worth copying. What was measured is in
 * {@code ClosureDifferentialTest}: for example, cel-java says {@code null == null} but not {@code null in [null]}
 * when one null came from parsed data, so {@code in} bails on nulls.
 */
final class Semantics {

    /** Beyond 2^53 a long does not convert to a double exactly; cel-java compares such mixed numbers lossily. */
    private static final long EXACT_DOUBLE = 1L << 53;

    private Semantics() {
    }

    static Bail bail(String reason) {
        return new Bail(reason);
    }

    /** Both of cel-java's null values: its own (a {@code null} literal) and protobuf's (parsed data). */
    static boolean isNull(Object v) {
        return v instanceof dev.cel.common.values.NullValue || v instanceof com.google.protobuf.NullValue;
    }

    static boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw bail("not a bool");
    }

    static String string(Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw bail("not a string");
    }

    /** CEL's runtime equality: numbers across int and double, containers deeply, other kinds never equal. */
    static boolean equal(Object a, Object b) {
        return equal(a, b, 0);
    }

    /** Containers nested deeper than this bail rather than risk the stack (parsed data can nest 10,000 deep). */
    private static final int MAX_DEPTH = 1_000;

    private static boolean equal(Object a, Object b, int depth) {
        if (a == null || b == null) {
            throw bail("unknown");
        }
        if (depth > MAX_DEPTH) {
            throw bail("nested too deep");
        }
        if (isNull(a) || isNull(b)) {
            if (depth > 0) {
                throw bail("null inside a container");
            }
            return isNull(a) && isNull(b);
        }
        if (a instanceof String s) {
            return b instanceof String t ? s.equals(t) : differentKind(b);
        }
        if (a instanceof Boolean x) {
            return b instanceof Boolean y ? x.equals(y) : differentKind(b);
        }
        if (a instanceof Long || a instanceof Double) {
            if (b instanceof Long || b instanceof Double) {
                return compareNumbers(a, b) == 0;
            }
            return differentKind(b);
        }
        if (a instanceof List<?> l) {
            if (!(b instanceof List<?> m)) {
                return differentKind(b);
            }
            if (l.size() != m.size()) {
                return false;
            }
            for (int i = 0; i < l.size(); i++) {
                if (!equal(l.get(i), m.get(i), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> l) {
            if (!(b instanceof Map<?, ?> m)) {
                return differentKind(b);
            }
            if (l.size() != m.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : l.entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    throw bail("map key not a string");
                }
                Object other = m.get(e.getKey());
                if (other == null) {
                    if (m.containsKey(e.getKey())) {
                        throw bail("unknown");
                    }
                    return false;
                }
                if (!equal(e.getValue(), other, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof TypeValue x) {
            return b instanceof TypeValue y ? x.equals(y) : differentKind(b);
        }
        throw bail("equality of " + a.getClass().getSimpleName());
    }

    /** False, once {@code b} is known to be a kind these rules cover (else cel-java might compare it otherwise). */
    private static boolean differentKind(Object b) {
        if (b instanceof String || b instanceof Boolean || b instanceof Long || b instanceof Double
                || b instanceof List || b instanceof Map || b instanceof TypeValue || isNull(b)) {
            return false;
        }
        throw bail("equality with " + b.getClass().getSimpleName());
    }

    /**
     * -1, 0 or 1 for two numbers (int or double); bails on NaN, on mixed values beyond exact conversion, and on -0.0
     * against an int: cel-java 0.14 compares an int and a double with {@code Double.compare}, which puts -0.0 below 0
     * ({@code -0.0 < 0} and {@code dyn(-0.0) != dyn(0)} are true there), while two doubles compare as numbers.
     */
    static int compareNumbers(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        double x = toDouble(a, b);
        double y = toDouble(b, a);
        if (Double.isNaN(x) || Double.isNaN(y)) {
            throw bail("NaN");
        }
        if ((a instanceof Long || b instanceof Long) && (isNegativeZero(x) || isNegativeZero(y))) {
            throw bail("-0.0 against an int");
        }
        return x < y ? -1 : x > y ? 1 : 0;
    }

    private static boolean isNegativeZero(double d) {
        return d == 0.0 && Double.doubleToRawLongBits(d) != 0L;
    }

    private static double toDouble(Object v, Object other) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Long l) {
            if (other instanceof Double && (l > EXACT_DOUBLE || l < -EXACT_DOUBLE)) {
                throw bail("inexact");
            }
            return l;
        }
        throw bail("not a number");
    }

    /** {@code x in list}: CEL equality, but never with a null, where cel-java's answer differs from {@code ==}. */
    static boolean inList(Object x, List<?> list) {
        if (isNull(x)) {
            throw bail("null in list");
        }
        for (Object e : list) {
            if (isNull(e)) {
                throw bail("null in list");
            }
            if (equal(x, e)) {
                return true;
            }
        }
        return false;
    }

    /** {@code key in map}: presence, except that cel-java counts a key holding an unknown as absent; bail there. */
    static boolean inMap(Object key, Map<?, ?> map) {
        if (!(key instanceof String)) {
            throw bail("map key not a string");
        }
        if (map.get(key) == null && map.containsKey(key)) {
            throw bail("unknown");
        }
        return map.containsKey(key);
    }

    /** A present map value or list element; bails where cel-java errs (absent, out of range) or is unknown. */
    static Object index(Object container, Object key) {
        if (container instanceof Map<?, ?> m) {
            if (!(key instanceof String)) {
                throw bail("map key not a string");
            }
            return present(m.get(key));
        }
        if (container instanceof List<?> l && key instanceof Long i) {
            if (i < 0 || i >= l.size()) {
                throw bail("index out of range");
            }
            return present(l.get(i.intValue()));
        }
        throw bail("index");
    }

    /**
     * {@code container[?key]} and {@code container.?key}: an optional, empty when absent. Measured on cel-java 0.14: an
     * optional indexed by an int errs when its static type is {@code optional(dyn)} ({@code item.?l[?0]}: its list and
     * map overloads both match), and a list index beyond the int range errs; both bail.
     */
    static Optional<Object> optionalIndex(Object container, Object key) {
        if (container instanceof Optional<?> o) {
            if (key instanceof Long) {
                throw bail("optional indexed by an int");
            }
            return o.isEmpty() ? Optional.empty() : optionalIndex(o.get(), key);
        }
        if (container instanceof Map<?, ?> m) {
            if (!(key instanceof String)) {
                throw bail("map key not a string");
            }
            Object v = m.get(key);
            if (v == null) {
                if (m.containsKey(key)) {
                    throw bail("unknown");
                }
                return Optional.empty();
            }
            return Optional.of(v);
        }
        if (container instanceof List<?> l && key instanceof Long i) {
            if (i != i.intValue()) {
                throw bail("list index beyond the int range");
            }
            return i < 0 || i >= l.size() ? Optional.empty() : Optional.of(present(l.get(i.intValue())));
        }
        throw bail("optional index");
    }

    private static Object present(Object v) {
        if (v == null) {
            throw bail("absent or unknown");
        }
        return v;
    }

    static long size(Object v) {
        if (v instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (v instanceof List<?> l) {
            return l.size();
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        throw bail("size");
    }

    /** {@code type(v)}; cel-java errs on a map or list holding an unknown anywhere inside, so that bails. */
    static TypeValue type(Object v) {
        if (v instanceof String) {
            return TypeValue.STRING;
        }
        if (v instanceof Long) {
            return TypeValue.INT;
        }
        if (v instanceof Double) {
            return TypeValue.DOUBLE;
        }
        if (v instanceof Boolean) {
            return TypeValue.BOOL;
        }
        if (isNull(v)) {
            return TypeValue.NULL;
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            requireKnown(v, 0);
            return v instanceof Map ? TypeValue.MAP : TypeValue.LIST;
        }
        if (v instanceof TypeValue) {
            return TypeValue.TYPE;
        }
        throw bail("type of " + (v == null ? "unknown" : v.getClass().getSimpleName()));
    }

    private static void requireKnown(Object v, int depth) {
        if (v == null || depth > MAX_DEPTH) {
            throw bail("unknown inside");
        }
        if (v instanceof Map<?, ?> m) {
            for (Object x : m.values()) {
                requireKnown(x, depth + 1);
            }
        } else if (v instanceof List<?> l) {
            for (Iterator<?> it = l.iterator(); it.hasNext(); ) {
                requireKnown(it.next(), depth + 1);
            }
        }
    }
}
