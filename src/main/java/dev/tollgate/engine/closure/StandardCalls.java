package dev.tollgate.engine.closure;

import java.util.List;
import java.util.Optional;

/**
 * CEL's standard functions and operators, and the strings extension's, as the bundled policies use them. Each
 * dispatches on the runtime classes of its arguments, as cel-java does for {@code dyn} values, and bails on any
 * class or case it does not answer exactly like cel-java.
 */
final class StandardCalls {

    private StandardCalls() {
    }

    /** The node for a call of {@code name}, or null when it is not a standard call covered here. */
    static Node of(String name, boolean receiver, Node[] a) {
        int n = a.length;
        if (!receiver) {
            return switch (name) {
                case "_&&_" -> n == 2 ? and(a[0], a[1]) : null;
                case "_||_" -> n == 2 ? or(a[0], a[1]) : null;
                case "!_" -> n == 1 ? strict(a[0], x -> !Semantics.bool(x)) : null;
                case "@not_strictly_false" -> n == 1 ? notStrictlyFalse(a[0]) : null;
                case "_?_:_" -> n == 3 ? conditional(a[0], a[1], a[2]) : null;
                case "_==_" -> n == 2 ? strict(a[0], a[1], Semantics::equal) : null;
                case "_!=_" -> n == 2 ? strict(a[0], a[1], (x, y) -> !Semantics.equal(x, y)) : null;
                case "@in" -> n == 2 ? strict(a[0], a[1], StandardCalls::in) : null;
                case "_<_" -> n == 2 ? strict(a[0], a[1], (x, y) -> Semantics.compareNumbers(x, y) < 0) : null;
                case "_<=_" -> n == 2 ? strict(a[0], a[1], (x, y) -> Semantics.compareNumbers(x, y) <= 0) : null;
                case "_>_" -> n == 2 ? strict(a[0], a[1], (x, y) -> Semantics.compareNumbers(x, y) > 0) : null;
                case "_>=_" -> n == 2 ? strict(a[0], a[1], (x, y) -> Semantics.compareNumbers(x, y) >= 0) : null;
                case "_+_" -> n == 2 ? strict(a[0], a[1], StandardCalls::add) : null;
                case "_[_]" -> n == 2 ? strict(a[0], a[1], StandardCalls::index) : null;
                case "_[?_]" -> n == 2 ? strict(a[0], a[1], Semantics::optionalIndex) : null;
                case "_?._" -> n == 2 ? optionalSelect(a[0], a[1]) : null;
                case "size" -> n == 1 ? strict(a[0], Semantics::size) : null;
                case "string" -> n == 1 ? strict(a[0], StandardCalls::toStringValue) : null;
                case "int" -> n == 1 ? strict(a[0], StandardCalls::toInt) : null;
                case "double" -> n == 1 ? strict(a[0], StandardCalls::toDouble) : null;
                case "dyn" -> n == 1 ? a[0] : null;
                case "type" -> n == 1 ? strict(a[0], Semantics::type) : null;
                default -> null;
            };
        }
        return switch (name) {
            case "size" -> n == 1 ? strict(a[0], Semantics::size) : null;
            case "contains" -> n == 2 ? strict(a[0], a[1], (s, t) -> str(s).contains(str(t))) : null;
            case "startsWith" -> n == 2 ? strict(a[0], a[1], (s, t) -> str(s).startsWith(str(t))) : null;
            case "endsWith" -> n == 2 ? strict(a[0], a[1], (s, t) -> str(s).endsWith(str(t))) : null;
            case "indexOf" -> n == 2 ? strict(a[0], a[1], (s, t) -> indexOf(str(s), str(t))) : null;
            case "lowerAscii" -> n == 1 ? strict(a[0], s -> Strings.lowerAscii(str(s))) : null;
            case "upperAscii" -> n == 1 ? strict(a[0], s -> Strings.upperAscii(str(s))) : null;
            case "trim" -> n == 1 ? strict(a[0], s -> Strings.trim(str(s))) : null;
            case "replace" -> n == 3 ? strict(a, v -> Strings.replace(str(v[0]), str(v[1]), str(v[2]))) : null;
            case "split" -> n == 2 ? strict(a[0], a[1], (s, t) -> Strings.split(str(s), str(t))) : null;
            case "substring" -> n == 2 ? strict(a[0], a[1], (s, from) -> Strings.substring(str(s), from, null))
                    : n == 3 ? strict(a, v -> Strings.substring(str(v[0]), v[1], v[2])) : null;
            case "join" -> n == 1 ? strict(a[0], l -> join(l, ""))
                    : n == 2 ? strict(a[0], a[1], (l, sep) -> join(l, str(sep))) : null;
            case "orValue" -> n == 2 ? orValue(a[0], a[1]) : null;
            default -> null;
        };
    }

    /** A function of the values of its arguments. */
    interface Function1 {
        Object apply(Object x);
    }

    interface Function2 {
        Object apply(Object x, Object y);
    }

    interface FunctionN {
        Object apply(Object[] values);
    }

    /** A call that is unknown when an argument is, once every argument was evaluated (an error in any wins). */
    static Node strict(Node a, Function1 function) {
        return f -> {
            Object x = a.eval(f);
            return x == Unknown.VALUE ? Unknown.VALUE : function.apply(x);
        };
    }

    static Node strict(Node a, Node b, Function2 function) {
        return f -> {
            Object x = a.eval(f);
            Object y = b.eval(f);
            return x == Unknown.VALUE || y == Unknown.VALUE ? Unknown.VALUE : function.apply(x, y);
        };
    }

    static Node strict(Node[] args, FunctionN function) {
        return f -> {
            Object[] values = new Object[args.length];
            boolean unknown = false;
            for (int i = 0; i < values.length; i++) {
                values[i] = args[i].eval(f);
                unknown |= values[i] == Unknown.VALUE;
            }
            return unknown ? Unknown.VALUE : function.apply(values);
        };
    }

    private static String str(Object value) {
        return Semantics.string(value);
    }

    /**
     * CEL's {@code &&}: false when either side is, whatever the other (an error or unknown there included); else
     * unknown when either side is. The left side deciding, the right is not evaluated. An error on either side bails
     * (cel-java then answers, false when the other side is false), and so does a left side that is not a bool
     * ({@link #requireLogical}).
     */
    private static Node and(Node left, Node right) {
        return f -> {
            Object x = requireLogical(left.eval(f));
            if (x == Boolean.FALSE) {
                return Boolean.FALSE;
            }
            Object y = right.eval(f);
            if (y == Boolean.FALSE) {
                return Boolean.FALSE;
            }
            return logical(x, y);
        };
    }

    /** CEL's {@code ||}, as {@link #and} with true deciding. */
    private static Node or(Node left, Node right) {
        return f -> {
            Object x = requireLogical(left.eval(f));
            if (x == Boolean.TRUE) {
                return Boolean.TRUE;
            }
            Object y = right.eval(f);
            if (y == Boolean.TRUE) {
                return Boolean.TRUE;
            }
            return logical(x, y);
        };
    }

    /**
     * The left side of {@code &&} or {@code ||}, which must be a bool or unknown. Measured on cel-java 0.14: a left
     * side of another kind is an error even where the right side would decide ({@code 'x' && false},
     * {@code 1 || true}), while a right side of another kind is not looked at when the left decides
     * ({@code false && 'x'} is false).
     */
    private static Object requireLogical(Object x) {
        if (x instanceof Boolean || x == Unknown.VALUE) {
            return x;
        }
        throw Semantics.bail("logic over a non-bool");
    }

    /** The value of {@code &&} or {@code ||} when neither side decided: unknown if either is, else the (same) bool. */
    private static Object logical(Object x, Object y) {
        if (!(x instanceof Boolean || x == Unknown.VALUE) || !(y instanceof Boolean || y == Unknown.VALUE)) {
            throw Semantics.bail("logic over a non-bool");
        }
        return x == Unknown.VALUE || y == Unknown.VALUE ? Unknown.VALUE : x;
    }

    /** The loop condition of {@code all} and {@code exists}: true unless false, so an unknown element goes on. */
    private static Node notStrictlyFalse(Node a) {
        return f -> {
            Object x = a.eval(f);
            return x == Unknown.VALUE ? Boolean.TRUE : Semantics.bool(x);
        };
    }

    private static Node conditional(Node condition, Node then, Node otherwise) {
        return f -> {
            Object c = condition.eval(f);
            if (c == Unknown.VALUE) {
                return Unknown.VALUE;
            }
            return Semantics.bool(c) ? then.eval(f) : otherwise.eval(f);
        };
    }

    private static Object in(Object x, Object c) {
        if (c instanceof List<?> l) {
            return Semantics.inList(x, l);
        }
        if (c instanceof java.util.Map<?, ?> m) {
            return Semantics.inMap(x, m);
        }
        throw Semantics.bail("in of a non-container");
    }

    /**
     * {@code x.?field}. Measured on cel-java 0.14: on an unknown {@code x} it errs (a field selection must be on a map)
     * where {@code x[?'field']} is unknown, so that bails.
     */
    private static Node optionalSelect(Node operand, Node field) {
        return f -> {
            Object x = operand.eval(f);
            if (x == Unknown.VALUE) {
                throw Semantics.bail("optional field of an unknown");
            }
            return Semantics.optionalIndex(x, field.eval(f));
        };
    }

    private static Object index(Object container, Object key) {
        if (container instanceof Optional) {
            throw Semantics.bail("index of an optional");
        }
        return Semantics.index(container, key);
    }

    private static Object add(Object x, Object y) {
        if (x instanceof String s && y instanceof String t) {
            return s.concat(t);
        }
        if (x instanceof Long i && y instanceof Long j) {
            try {
                return Math.addExact(i, j);
            } catch (ArithmeticException e) {
                throw Semantics.bail("overflow");
            }
        }
        if (x instanceof Double i && y instanceof Double j) {
            return i + j;
        }
        if (x instanceof List<?> l && y instanceof List<?> m) {
            return AppendableList.concat(l, m);
        }
        throw Semantics.bail("+ of these kinds");
    }

    private static String toStringValue(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Long || v instanceof Boolean || v instanceof Double) {
            return v.toString(); // cel-java 0.14: string(1e20) is "1.0E20", Java's Double.toString
        }
        throw Semantics.bail("string() of this kind");
    }

    private static Long toInt(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s); // cel-java 0.14 reads "+5" and "007", not " 5" or "0x10", as Java does
            } catch (NumberFormatException e) {
                throw Semantics.bail("int() of a non-number");
            }
        }
        throw Semantics.bail("int() of this kind");
    }

    private static Double toDouble(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Long l) {
            return l.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s); // cel-java 0.14 reads "NaN" and "0x1p3", as Java does
            } catch (NumberFormatException e) {
                throw Semantics.bail("double() of a non-number");
            }
        }
        throw Semantics.bail("double() of this kind");
    }

    private static long indexOf(String s, String sub) {
        if (Strings.hasSurrogates(s) || Strings.hasSurrogates(sub)) {
            throw Semantics.bail("indexOf counts code points");
        }
        if (s.isEmpty() && !sub.isEmpty()) {
            throw Semantics.bail("indexOf in the empty string"); // cel-java 0.14 errs: offset 0 out of range
        }
        return s.indexOf(sub);
    }

    private static String join(Object list, String separator) {
        if (!(list instanceof List<?> l)) {
            throw Semantics.bail("join of a non-list");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(Semantics.string(l.get(i))); // cel-java joins [1] as "1"; a non-string bails
        }
        return out.toString();
    }

    /**
     * {@code opt.orValue(x)}. Measured on cel-java 0.14: it is not strict, {@code x} is evaluated only when {@code opt}
     * is empty ({@code item.?s.orValue(item.nope)} is {@code item.s}, and with {@code x} unknown it is still
     * {@code item.s}, not unknown). When {@code opt} is unknown, so is the answer (an error in {@code x} bails).
     */
    private static Node orValue(Node optional, Node otherwise) {
        return f -> {
            Object o = optional.eval(f);
            if (o == Unknown.VALUE) {
                otherwise.eval(f);
                return Unknown.VALUE;
            }
            if (o instanceof Optional<?> p) {
                return p.isPresent() ? p.get() : otherwise.eval(f);
            }
            throw Semantics.bail("orValue of a non-optional");
        };
    }
}
