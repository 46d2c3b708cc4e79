package dev.tollgate.parse.terraform;

import dev.tollgate.model.Unknown;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Terraform's value rules over plain Java values: String, BigDecimal (every number while evaluating), Boolean,
 * null, List, Map (string keys), {@link Unknown}, and the internal {@link Namespace}s. Conversions follow Terraform's
 * automatic ones: numbers and bools become strings where a string is wanted, and the strings {@code "true"},
 * {@code "1.5"} become bools and numbers where those are wanted.
 */
final class Values {

    static final MathContext MATH = MathContext.DECIMAL128;

    private Values() {
    }

    static boolean isUnknown(Object v) {
        return v instanceof Unknown;
    }

    /** True when the keys {@code for_each} would give are not known: an unknown value or set element. */
    static boolean deepKeysUnknown(Object v) {
        return isUnknown(v) || v instanceof List<?> l && l.stream().anyMatch(Values::deepUnknown);
    }

    /** True when {@code v} or anything inside it is unknown. */
    static boolean deepUnknown(Object v) {
        if (v instanceof Unknown || v instanceof Namespace) {
            return true;
        }
        return (v instanceof Map<?, ?> || v instanceof Collection<?>)
                && deepUnknown(v, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    /**
     * Each container once: values are shared, not copied ({@code x1 = [x0, x0]}), so a walk that followed every path
     * would take 2^40 steps for 40 such locals, where the distinct containers are 41.
     */
    private static boolean deepUnknown(Object v, java.util.Set<Object> seen) {
        if (v instanceof Unknown || v instanceof Namespace) {
            return true;
        }
        if (!(v instanceof Map<?, ?> || v instanceof Collection<?>) || !seen.add(v)) {
            return false;
        }
        Iterable<?> children = v instanceof Map<?, ?> m ? m.values() : (Collection<?>) v;
        for (Object x : children) {
            if (deepUnknown(x, seen)) {
                return true;
            }
        }
        return false;
    }

    static BigDecimal number(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw new EvalException("cannot convert \"" + abbreviate(s) + "\" to a number");
            }
        }
        throw new EvalException("a number is required, not " + typeName(v));
    }

    static boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if ("true".equals(v)) {
            return true;
        }
        if ("false".equals(v)) {
            return false;
        }
        throw new EvalException("a bool is required, not " + typeName(v));
    }

    static String string(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof BigDecimal d) {
            return numberText(d);
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        throw new EvalException("a string is required, not " + typeName(v));
    }

    static String numberText(BigDecimal d) {
        BigDecimal s = d.scale() == 0 ? d : d.stripTrailingZeros(); // see output(): the same whole number
        return s.scale() <= 0 ? s.toBigInteger().toString() : s.toPlainString();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object v) {
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new EvalException("a list is required, not " + typeName(v));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object v) {
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new EvalException("a map or object is required, not " + typeName(v));
    }

    static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof BigDecimal) {
            return "number";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof List) {
            return "list";
        }
        if (v instanceof Map) {
            return "object";
        }
        return "unknown value";
    }

    /** Terraform's {@code ==}: same type and value, no conversion; numbers compare numerically. */
    static boolean equal(Object a, Object b) {
        return equal(a, b, new long[] {MAX_COMPARED});
    }

    /**
     * The most elements one comparison (or one {@code toset}, {@code contains}, {@code index}) reads: two values
     * built alike by doubling ({@code x1 = [x0, x0]}, 40 times, and {@code y} the same) are equal only after 2^40
     * steps, which Terraform would not finish either. Past this, the comparison is an error at its expression.
     */
    static final long MAX_COMPARED = 10_000_000;

    /**
     * A hash consistent with {@link #equal}: equal values hash alike (numbers by value, whatever their scale; maps
     * whatever their order). Counts the elements read against {@code left}, as {@code equal} does.
     */
    static int hash(Object v, long[] left) {
        if (--left[0] < 0) {
            throw new EvalException("the values are too large to compare: over " + MAX_COMPARED + " elements");
        }
        if (v == null) {
            return 0;
        }
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 ? 0 : d.stripTrailingZeros().hashCode();
        }
        if (v instanceof List<?> l) {
            int h = 1;
            for (Object x : l) {
                h = 31 * h + hash(x, left);
            }
            return h;
        }
        if (v instanceof Map<?, ?> m) {
            int h = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                h += e.getKey().hashCode() ^ hash(e.getValue(), left);
            }
            return h;
        }
        if (v instanceof InstanceRef r) {
            return r.address().hashCode();
        }
        return v.hashCode();
    }

    /** As {@link #equal(Object, Object)}, counting the elements read against {@code left}. */
    static boolean equal(Object a, Object b, long[] left) {
        if (a == b) {
            return true; // the same value: shared ones are common, and the walk below could take 2^depth steps
        }
        if (--left[0] < 0) {
            throw new EvalException("the values are too large to compare: over " + MAX_COMPARED + " elements");
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i), left)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!equal(e.getValue(), y.get(e.getKey()), left)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof InstanceRef x && b instanceof InstanceRef y) {
            return x.address().equals(y.address());
        }
        return a.equals(b);
    }

    /**
     * The value as the model holds it: integral numbers as Long, others as Double, namespaces (a whole {@code var},
     * a resource instance) as unknown.
     */
    static Object output(Object v, String raw) {
        int[] left = {MAX_OUTPUT_NODES};
        Object out = output(v, raw, left);
        return left[0] < 0 ? new Unknown(raw) : out;
    }

    /**
     * The most values one attribute is turned into: locals can double a value at each step ({@code x1 = [x0, x0]}),
     * sharing it, so 40 steps make 2^40 values that Terraform would not finish either. Past this many, the attribute is
     * unknown (judged as known only after apply) rather than a scan that runs out of memory.
     */
    static final int MAX_OUTPUT_NODES = 1_000_000;

    private static Object output(Object v, String raw, int[] left) {
        if (--left[0] < 0) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            // A whole number written as such (scale 0, as every integer literal is) needs no stripping first:
            // stripping only lowers its scale, and the long it gives is the same.
            BigDecimal s = d.scale() == 0 ? d : d.stripTrailingZeros();
            if (s.scale() <= 0) {
                try {
                    return s.longValueExact();
                } catch (ArithmeticException e) {
                    return d.doubleValue();
                }
            }
            return d.doubleValue();
        }
        if (v instanceof Namespace) {
            return new Unknown(raw);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object x = e.getValue();
                out.put(String.valueOf(e.getKey()),
                        isPlain(x) && --left[0] >= 0 ? x : output(x, raw + "." + e.getKey(), left));
                if (left[0] < 0) {
                    return null;
                }
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                Object x = l.get(i);
                out.add(isPlain(x) && --left[0] >= 0 ? x : output(x, raw + "[" + i + "]", left));
                if (left[0] < 0) {
                    return null;
                }
            }
            return out;
        }
        return v;
    }

    /**
     * True when {@link #output} returns {@code v} itself: then the address of a nested value is never needed, and
     * building it for every string of every instance cost more than the rest of the conversion.
     */
    static boolean isPlain(Object v) {
        return v == null || v instanceof String || v instanceof Boolean || v instanceof Unknown;
    }

    /** Model value back to an evaluation value (numbers as BigDecimal), for plan JSON and jsondecode. */
    static Object input(Object v) {
        if (v instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (v instanceof Integer i) {
            return BigDecimal.valueOf(i);
        }
        if (v instanceof Double d) {
            return BigDecimal.valueOf(d);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), input(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(input(x)));
            return out;
        }
        return v;
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
