package dev.tollgate.parse.terraform;

import dev.tollgate.parse.terraform.hcl.Expression;
import dev.tollgate.parse.terraform.hcl.Expression.FunctionCall;
import dev.tollgate.parse.terraform.hcl.Expression.ObjectCons;
import dev.tollgate.parse.terraform.hcl.Expression.ObjectItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Fills in the {@code optional(type, default)} attributes of a variable's object type constraint, as Terraform
 * (1.3+) does when it converts the value given for the variable: an attribute that is absent or null becomes its
 * default, or null without one, at any depth ({@code list(object(...))}, {@code map(object(...))}, nested objects).
 * Without this, {@code var.settings.enabled} on a valid call that leaves {@code enabled} out was reported as
 * "this object has no attribute". Nothing else of the conversion is done here: extra attributes are kept and
 * nested primitives are not converted, so a value is never made worse than it was written.
 */
final class OptionalAttributes {

    private final Function<Expression, Object> evaluateDefault;

    /** {@code evaluateDefault} evaluates a default expression (constants only, as Terraform allows). */
    OptionalAttributes(Function<Expression, Object> evaluateDefault) {
        this.evaluateDefault = evaluateDefault;
    }

    /** True when {@code type} mentions {@code optional(...)} anywhere, i.e. when {@link #apply} can change a value. */
    static boolean hasOptional(Expression type) {
        if (type instanceof FunctionCall f) {
            if (f.name().equals("optional")) {
                return true;
            }
            return f.args().stream().anyMatch(OptionalAttributes::hasOptional);
        }
        if (type instanceof ObjectCons o) {
            return o.items().stream().anyMatch(i -> hasOptional(i.value()));
        }
        if (type instanceof Expression.Tuple t) {
            return t.elements().stream().anyMatch(OptionalAttributes::hasOptional);
        }
        return false;
    }

    /** {@code value} with the defaults of {@code type} applied; unknown and null values are returned as they are. */
    Object apply(Object value, Expression type) {
        if (value == null || Values.isUnknown(value) || !(type instanceof FunctionCall f) || f.args().isEmpty()) {
            return value;
        }
        Expression arg = f.args().get(0);
        return switch (f.name()) {
            case "object" -> arg instanceof ObjectCons attrs && value instanceof Map<?, ?> m ? object(m, attrs) : value;
            case "list", "set" -> value instanceof List<?> l ? each(l, arg) : value;
            case "map" -> value instanceof Map<?, ?> m ? eachValue(m, arg) : value;
            case "tuple" -> arg instanceof Expression.Tuple types && value instanceof List<?> l
                    ? tuple(l, types) : value;
            case "optional" -> apply(value, arg);
            default -> value;
        };
    }

    private Map<String, Object> object(Map<?, ?> m, ObjectCons attrs) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        for (ObjectItem item : attrs.items()) {
            String name = attributeName(item);
            if (name == null) {
                continue;
            }
            Expression attrType = item.value();
            Object present = out.get(name);
            if (attrType instanceof FunctionCall opt && opt.name().equals("optional") && !opt.args().isEmpty()) {
                if (present == null) {
                    Object dflt = opt.args().size() > 1 ? evaluateDefault.apply(opt.args().get(1)) : null;
                    out.put(name, apply(dflt, opt.args().get(0)));
                } else {
                    out.put(name, apply(present, opt.args().get(0)));
                }
            } else if (out.containsKey(name)) {
                out.put(name, apply(present, attrType));
            }
        }
        return out;
    }

    private static String attributeName(ObjectItem item) {
        if (item.keyword() != null) {
            return item.keyword();
        }
        if (item.key() instanceof Expression.Template t && t.isLiteral()) {
            return t.literalValue();
        }
        return null;
    }

    private List<Object> each(List<?> l, Expression elementType) {
        List<Object> out = new ArrayList<>(l.size());
        for (Object x : l) {
            out.add(apply(x, elementType));
        }
        return out;
    }

    private Map<String, Object> eachValue(Map<?, ?> m, Expression elementType) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), apply(v, elementType)));
        return out;
    }

    private List<Object> tuple(List<?> l, Expression.Tuple types) {
        List<Object> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            out.add(i < types.elements().size() ? apply(l.get(i), types.elements().get(i)) : l.get(i));
        }
        return out;
    }
}
