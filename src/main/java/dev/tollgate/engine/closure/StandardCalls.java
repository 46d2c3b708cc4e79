package dev.tollgate.engine.closure;

import java.util.ArrayList;
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
            switch (name) {
                case "_&&_":
                    return n == 2 ? and(a[0], a[1]) : null;
                case "_||_":
                    return n == 2 ? or(a[0], a[1]) : null;
                case "!_":
                    return n == 1 ? f -> !Semantics.bool(a[0].eval(f)) : null;
                case "@not_strictly_false":
                    return n == 1 ? f -> Semantics.bool(a[0].eval(f)) : null;
                case "_?_:_":
                    return n == 3 ? f -> Semantics.bool(a[0].eval(f)) ? a[1].eval(f) : a[2].eval(f) : null;
                case "_==_":
                    return n == 2 ? f -> Semantics.equal(a[0].eval(f), a[1].eval(f)) : null;
                case "_!=_":
                    return n == 2 ? f -> !Semantics.equal(a[0].eval(f), a[1].eval(f)) : null;
                case "@in":
                    return n == 2 ? in(a[0], a[1]) : null;
                case "_<_":
                    return n == 2 ? f -> Semantics.compareNumbers(a[0].eval(f), a[1].eval(f)) < 0 : null;
                case "_<=_":
                    return n == 2 ? f -> Semantics.compareNumbers(a[0].eval(f), a[1].eval(f)) <= 0 : null;
                case "_>_":
                    return n == 2 ? f -> Semantics.compareNumbers(a[0].eval(f), a[1].eval(f)) > 0 : null;
                case "_>=_":
                    return n == 2 ? f -> Semantics.compareNumbers(a[0].eval(f), a[1].eval(f)) >= 0 : null;
                case "_+_":
                    return n == 2 ? f -> add(a[0].eval(f), a[1].eval(f)) : null;
                case "_[_]":
                    return n == 2 ? f -> index(a[0].eval(f), a[1].eval(f)) : null;
                case "_[?_]":
                case "_?._":
                    return n == 2 ? f -> Semantics.optionalIndex(a[0].eval(f), a[1].eval(f)) : null;
                case "size":
                    return n == 1 ? f -> Semantics.size(a[0].eval(f)) : null;
                case "string":
                    return n == 1 ? f -> toStringValue(a[0].eval(f)) : null;
                case "int":
                    return n == 1 ? f -> toInt(a[0].eval(f)) : null;
                case "double":
                    return n == 1 ? f -> toDouble(a[0].eval(f)) : null;
                case "dyn":
                    return n == 1 ? a[0] : null;
                case "type":
                    return n == 1 ? f -> Semantics.type(a[0].eval(f)) : null;
                default:
                    return null;
            }
        }
        return switch (name) {
            case "size" -> n == 1 ? f -> Semantics.size(a[0].eval(f)) : null;
            case "contains" -> n == 2 ? f -> str(a[0], f).contains(str(a[1], f)) : null;
            case "startsWith" -> n == 2 ? f -> str(a[0], f).startsWith(str(a[1], f)) : null;
            case "endsWith" -> n == 2 ? f -> str(a[0], f).endsWith(str(a[1], f)) : null;
            case "indexOf" -> n == 2 ? f -> indexOf(str(a[0], f), str(a[1], f)) : null;
            case "lowerAscii" -> n == 1 ? f -> Strings.lowerAscii(str(a[0], f)) : null;
            case "upperAscii" -> n == 1 ? f -> Strings.upperAscii(str(a[0], f)) : null;
            case "trim" -> n == 1 ? f -> Strings.trim(str(a[0], f)) : null;
            case "replace" -> n == 3 ? f -> Strings.replace(str(a[0], f), str(a[1], f), str(a[2], f)) : null;
            case "split" -> n == 2 ? f -> Strings.split(str(a[0], f), str(a[1], f)) : null;
            case "substring" -> n == 2 ? f -> Strings.substring(str(a[0], f), a[1].eval(f), null)
                    : n == 3 ? f -> Strings.substring(str(a[0], f), a[1].eval(f), a[2].eval(f)) : null;
            case "join" -> n == 1 ? f -> join(a[0].eval(f), "") : n == 2 ? f -> join(a[0].eval(f), str(a[1], f)) : null;
            case "orValue" -> n == 2 ? f -> orValue(a[0].eval(f), a[1].eval(f)) : null;
            default -> null;
        };
    }

    private static String str(Node node, Frame f) {
        return Semantics.string(node.eval(f));
    }

    /** Short-circuits like cel-java when the left side decides; anything else non-bool on the left bails. */
    private static Node and(Node left, Node right) {
        return f -> Semantics.bool(left.eval(f)) ? Semantics.bool(right.eval(f)) : Boolean.FALSE;
    }

    private static Node or(Node left, Node right) {
        return f -> Semantics.bool(left.eval(f)) ? Boolean.TRUE : Semantics.bool(right.eval(f));
    }

    private static Node in(Node element, Node container) {
        return f -> {
            Object x = element.eval(f);
            Object c = container.eval(f);
            if (c instanceof List<?> l) {
                return Semantics.inList(x, l);
            }
            if (c instanceof java.util.Map<?, ?> m) {
                return Semantics.inMap(x, m);
            }
            throw Semantics.bail("in of a non-container");
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
            List<Object> out = new ArrayList<>(l.size() + m.size());
            out.addAll(l);
            out.addAll(m);
            return out;
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

    private static Object orValue(Object optional, Object otherwise) {
        if (optional instanceof Optional<?> o) {
            return o.isPresent() ? o.get() : otherwise;
        }
        throw Semantics.bail("orValue of a non-optional");
    }
}
