package dev.tollgate.parse.terraform;

import static dev.tollgate.parse.terraform.Values.isUnknown;

import dev.tollgate.model.Unknown;
import dev.tollgate.parse.terraform.hcl.Expression;
import dev.tollgate.parse.terraform.hcl.Expression.Binary;
import dev.tollgate.parse.terraform.hcl.Expression.BinaryOperator;
import dev.tollgate.parse.terraform.hcl.Expression.BoolLiteral;
import dev.tollgate.parse.terraform.hcl.Expression.Conditional;
import dev.tollgate.parse.terraform.hcl.Expression.ForExpr;
import dev.tollgate.parse.terraform.hcl.Expression.FunctionCall;
import dev.tollgate.parse.terraform.hcl.Expression.GetAttr;
import dev.tollgate.parse.terraform.hcl.Expression.Index;
import dev.tollgate.parse.terraform.hcl.Expression.NullLiteral;
import dev.tollgate.parse.terraform.hcl.Expression.NumberLiteral;
import dev.tollgate.parse.terraform.hcl.Expression.ObjectCons;
import dev.tollgate.parse.terraform.hcl.Expression.ObjectItem;
import dev.tollgate.parse.terraform.hcl.Expression.Parens;
import dev.tollgate.parse.terraform.hcl.Expression.Splat;
import dev.tollgate.parse.terraform.hcl.Expression.SplatItem;
import dev.tollgate.parse.terraform.hcl.Expression.Template;
import dev.tollgate.parse.terraform.hcl.Expression.Tuple;
import dev.tollgate.parse.terraform.hcl.Expression.Unary;
import dev.tollgate.parse.terraform.hcl.Expression.Variable;
import dev.tollgate.parse.terraform.hcl.TemplatePart;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluates HCL expressions with Terraform's semantics. Unknown is contagious: an operation on an unknown value is
 * unknown, named by the source text of the operation, unless its result cannot depend on it ({@code false && x},
 * {@code length} of a list with unknown elements, a {@code coalesce} whose earlier argument is known). Expressions
 * Terraform would reject throw {@link EvalException}.
 */
final class Evaluator {

    /** Deep enough for any real configuration, shallow enough to never overflow the stack. */
    private static final int MAX_DEPTH = 200;

    private int depth;

    /**
     * The most values one root's evaluation may make: elements iterated by {@code for} (in expressions and templates)
     * and elements of the collections functions return. Locals can multiply a collection at each step
     * ({@code c1 = concat(c0, c0)}, nested {@code for}s over it), and Terraform would not finish such a root either;
     * past this budget each such expression is an error where it is written, so the scan ends, with the rest of the
     * root judged. Real roots stay far below: the most any root of the 30 MB benchmark corpus, the 23,000-file corpus
     * and the real-world corpora made was 293.
     */
    static final long MAX_ROOT_VALUES = 5_000_000;

    /**
     * The longest string an expression may make: templates and functions can double a string at each step
     * ({@code s1 = "${s0}${s0}"}), and 2^40 characters would take the scan's memory; as long as jsonencode allows.
     */
    static final int MAX_STRING_CHARS = Json.MAX_ENCODED_CHARS;

    private long valuesLeft = MAX_ROOT_VALUES;

    /**
     * The most characters one root's evaluation may make in strings: templates, function results and files read.
     * {@link #MAX_STRING_CHARS} bounds each string, not how many there are, and a {@code for} over a range can make
     * hundreds of 8 M strings (300 took 2.8 GB and stopped the whole scan, out of memory). Past this budget each such
     * expression is an error where it is written, and the rest of the root is judged. Real roots stay far below: the
     * most any root of the benchmark corpora and the real-world corpora made was 87,929 characters (a Cloud Foundation
     * Fabric stage reading its YAML factories with file()).
     */
    static final long MAX_ROOT_CHARS = 64L * 1024 * 1024;

    private long charsLeft = MAX_ROOT_CHARS;

    /** Counts a string of {@code n} characters made in this root; past {@link #MAX_ROOT_CHARS}, an error. */
    void madeChars(long n) {
        charsLeft -= n;
        if (charsLeft < 0) {
            charsLeft = 0;
            throw new EvalException("this Terraform root makes strings of over " + MAX_ROOT_CHARS
                    + " characters in all (templates, function results and files read); not evaluated further");
        }
    }

    /** Counts {@code n} more values made in this root; past {@link #MAX_ROOT_VALUES}, an error. */
    private void made(long n) {
        valuesLeft -= n;
        if (valuesLeft < 0) {
            valuesLeft = 0;
            throw new EvalException("this Terraform root makes over " + MAX_ROOT_VALUES
                    + " values (collections multiplied by locals or nested for expressions); not evaluated further");
        }
    }

    Object eval(Expression e, Scope s) {
        if (++depth > MAX_DEPTH) {
            depth = 0;
            throw new EvalException("expression nested too deeply", e.range());
        }
        try {
            return evalNode(e, s);
        } catch (EvalException ex) {
            if (ex.range() == null) {
                throw new EvalException(ex.getMessage(), e.range());
            }
            throw ex;
        } finally {
            depth = Math.max(0, depth - 1);
        }
    }

    private Object evalNode(Expression e, Scope s) {
        if (e instanceof NumberLiteral n) {
            return n.value();
        } else if (e instanceof BoolLiteral b) {
            return b.value();
        } else if (e instanceof NullLiteral) {
            return null;
        } else if (e instanceof Template t) {
            return template(t, s);
        } else if (e instanceof Tuple t) {
            List<Object> out = new ArrayList<>(t.elements().size());
            for (Expression x : t.elements()) {
                out.add(eval(x, s));
            }
            return out;
        } else if (e instanceof ObjectCons o) {
            return object(o, s);
        } else if (e instanceof Variable v) {
            if (s.binds(v.name())) {
                return s.bound(v.name());
            }
            if (s.isolated()) {
                throw new EvalException("vars has no \"" + v.name() + "\", and a template sees nothing else",
                        v.range());
            }
            return s.module().root(v, s);
        } else if (e instanceof GetAttr g) {
            return attr(eval(g.object(), s), g.name(), g, s);
        } else if (e instanceof Index i) {
            return index(eval(i.collection(), s), eval(i.key(), s), i, s);
        } else if (e instanceof Splat sp) {
            return splat(sp, s);
        } else if (e instanceof SplatItem item) {
            return s.splat(item);
        } else if (e instanceof FunctionCall f) {
            return call(f, s);
        } else if (e instanceof ForExpr f) {
            return forExpr(f, s);
        } else if (e instanceof Conditional c) {
            return conditional(c, s);
        } else if (e instanceof Unary u) {
            return unary(u, s);
        } else if (e instanceof Binary b) {
            return binary(b, s);
        } else if (e instanceof Parens p) {
            return eval(p.inner(), s);
        }
        throw new IllegalStateException("unexpected expression " + e.getClass().getSimpleName());
    }

    private Object template(Template t, Scope s) {
        List<TemplatePart> parts = t.parts();
        // "${x}" alone is x itself, not its string form (HCL's template unwrapping).
        if (parts.size() == 1 && parts.get(0) instanceof TemplatePart.Interpolation i && !t.heredoc()) {
            return eval(i.expr(), s);
        }
        StringBuilder sb = new StringBuilder();
        if (!render(parts, s, sb)) {
            return new Unknown(t.raw());
        }
        if (!(parts.size() == 1 && parts.get(0) instanceof TemplatePart.Literal)) {
            madeChars(sb.length()); // a literal's text is the source's, made once whatever the budget
        }
        return sb.toString();
    }

    /** Appends the parts; false when any of them is unknown. */
    private boolean render(List<TemplatePart> parts, Scope s, StringBuilder sb) {
        boolean known = true;
        for (TemplatePart p : parts) {
            if (p instanceof TemplatePart.Literal l) {
                sb.append(l.value());
            } else if (p instanceof TemplatePart.Interpolation i) {
                Object v = eval(i.expr(), s);
                if (isUnknown(v)) {
                    known = false;
                } else if (v == null) {
                    throw new EvalException("template interpolation of a null value", i.range());
                } else {
                    sb.append(Values.string(v));
                    if (sb.length() > MAX_STRING_CHARS) {
                        throw new EvalException("the template makes a string of over " + MAX_STRING_CHARS
                                + " characters", i.range());
                    }
                }
            } else if (p instanceof TemplatePart.If f) {
                Object c = eval(f.condition(), s);
                if (isUnknown(c)) {
                    known = false;
                } else {
                    known &= render(Values.bool(c) ? f.then() : f.otherwise(), s, sb);
                }
            } else if (p instanceof TemplatePart.For f) {
                Object coll = eval(f.collection(), s);
                if (isUnknown(coll)) {
                    known = false;
                } else {
                    for (Map.Entry<Object, Object> en : entries(coll)) {
                        made(1);
                        Scope inner = s.with(f.valueVar(), en.getValue());
                        if (f.keyVar() != null) {
                            inner = inner.with(f.keyVar(), en.getKey());
                        }
                        known &= render(f.body(), inner, sb);
                    }
                }
            }
        }
        return known;
    }

    private Object object(ObjectCons o, Scope s) {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean unknownKey = false;
        for (ObjectItem item : o.items()) {
            String k = item.keyword();
            Object key = k != null ? k : eval(item.key(), s);
            Object value = eval(item.value(), s);
            if (isUnknown(key)) {
                unknownKey = true;
                continue;
            }
            out.put(Values.string(key), value);
        }
        return unknownKey ? new Unknown(o.raw()) : out;
    }

    Object attr(Object o, String name, Expression at, Scope s) {
        if (isUnknown(o)) {
            return new Unknown(at.raw());
        }
        if (o instanceof Namespace ns) {
            return ns.attr(name, at, s);
        }
        if (o instanceof Map<?, ?> m) {
            if (!m.containsKey(name)) {
                if (m instanceof BlockValues) {
                    return new Unknown(at.raw()); // set by the provider: known only after apply
                }
                throw new EvalException("this object has no attribute \"" + name + "\"", at.range());
            }
            return m.get(name);
        }
        if (o == null) {
            throw new EvalException("attempt to get attribute \"" + name + "\" from a null value", at.range());
        }
        throw new EvalException("cannot get attribute \"" + name + "\" of a " + Values.typeName(o), at.range());
    }

    private Object index(Object coll, Object key, Expression at, Scope s) {
        if (isUnknown(coll) || isUnknown(key)) {
            return new Unknown(at.raw());
        }
        if (coll instanceof List<?> l) {
            BigDecimal n = Values.number(key);
            int i;
            try {
                i = n.intValueExact();
            } catch (ArithmeticException e) {
                throw new EvalException("index " + n + " is not a whole number", at.range());
            }
            if (i < 0 || i >= l.size()) {
                throw new EvalException("index " + i + " out of range for a list of " + l.size(), at.range());
            }
            return l.get(i);
        }
        if (coll instanceof Map<?, ?> m) {
            String k = Values.string(key);
            if (!m.containsKey(k)) {
                throw new EvalException("no element with key \"" + k + "\"", at.range());
            }
            return m.get(k);
        }
        if (coll instanceof Namespace ns) {
            return ns.attr(Values.string(key), at, s);
        }
        throw new EvalException("cannot index a " + Values.typeName(coll), at.range());
    }

    private Object splat(Splat sp, Scope s) {
        Object src = eval(sp.source(), s);
        if (isUnknown(src)) {
            return new Unknown(sp.raw());
        }
        SplatItem item = findItem(sp.each());
        List<?> elements;
        if (src == null) {
            return List.of();
        } else if (src instanceof List<?> l) {
            elements = l;
        } else {
            // Any other value, an object too, is a one-element list, as HCL's splat does ("Single Values as Lists").
            // A resource with for_each is a map of its instances: wrapped so, its attribute is not found, which is
            // Terraform's error for a splat over such a resource too. (Before, an object was an error outright.)
            elements = List.of(src);
        }
        List<Object> out = new ArrayList<>(elements.size());
        for (Object el : elements) {
            out.add(item == null ? el : eval(sp.each(), s.withSplat(item, el)));
        }
        return out;
    }

    private static SplatItem findItem(Expression e) {
        if (e instanceof SplatItem i) {
            return i;
        } else if (e instanceof GetAttr g) {
            return findItem(g.object());
        } else if (e instanceof Index i) {
            return findItem(i.collection());
        }
        return null;
    }

    private Object call(FunctionCall f, Scope s) {
        String name = f.name();
        switch (name) {
            case "try" -> {
                EvalException last = null;
                for (Expression a : f.args()) {
                    try {
                        return eval(a, s);
                    } catch (EvalException e) {
                        last = e;
                    }
                }
                throw new EvalException("try: no argument could be evaluated"
                        + (last == null ? "" : " (last: " + last.getMessage() + ")"), f.range());
            }
            case "can" -> {
                if (f.args().size() != 1) {
                    throw new EvalException("can expects 1 argument", f.range());
                }
                try {
                    Object v = eval(f.args().get(0), s);
                    return isUnknown(v) ? new Unknown(f.raw()) : Boolean.TRUE;
                } catch (EvalException e) {
                    return Boolean.FALSE;
                }
            }
            case "file", "templatefile", "filebase64", "fileexists", "fileset" -> {
                if (name.equals("templatefile") && s.isolated()) {
                    return new Unknown(f.raw()); // inside a template: Terraform refuses to recurse
                }
                List<Object> args = evalArgs(f, s);
                Object read = s.module().file(name, f, args);
                if (read instanceof RootContext.TemplateFile template) {
                    return render(template, args.get(1), f, s);
                }
                if (read instanceof String text) {
                    madeChars(text.length());
                } else if (read instanceof Collection<?> names) {
                    made(names.size());
                }
                return read;
            }
            case "templatestring" -> {
                // Terraform 1.9: a string (from a reference, in Terraform) rendered as templatefile renders a file
                List<Object> args = evalArgs(f, s);
                if (args.size() != 2) {
                    throw new EvalException("templatestring: wrong number of arguments", f.range());
                }
                if (s.isolated() || isUnknown(args.get(0)) || args.get(0) == null) {
                    return new Unknown(f.raw());
                }
                return render(RootContext.TemplateFile.parse("template", Values.string(args.get(0))), args.get(1), f,
                        s);
            }
            default -> {
            }
        }
        List<Object> args = evalArgs(f, s);
        Object r = Functions.call(name, args, f.raw());
        if (r instanceof String str) {
            if (str.length() > MAX_STRING_CHARS) {
                throw new EvalException(name + ": the result is a string of over " + MAX_STRING_CHARS + " characters");
            }
            madeChars(str.length());
        }
        if (r instanceof Collection<?> c) {
            made(c.size());
        } else if (r instanceof Map<?, ?> m) {
            made(m.size());
        }
        // An unimplemented function (or a provider function) is unknown, not an error: its value is simply not ours.
        return r == Functions.UNSUPPORTED ? new Unknown(f.raw()) : r;
    }

    /**
     * templatefile: the template evaluated with only {@code vars} in scope. An error inside it is Terraform's error
     * too, reported at the call with the template's line, since the template file itself is not a scanned file.
     */
    @SuppressWarnings("unchecked")
    private Object render(RootContext.TemplateFile template, Object vars, FunctionCall f, Scope s) {
        if (template.template() == null) {
            throw new EvalException("not a valid template: " + template.error(), f.range());
        }
        if (isUnknown(vars)) {
            return new Unknown(f.raw());
        }
        if (!(vars instanceof Map<?, ?> map)) {
            throw new EvalException("templatefile: vars must be a map or an object", f.range());
        }
        try {
            return eval(template.template(), Scope.isolated(s.module(), (Map<String, Object>) map));
        } catch (EvalException e) {
            boolean inTemplate = e.range() != null && e.range().source() == template.template().range().source();
            throw new EvalException(inTemplate ? template.name() + ":" + e.range().startLine() + ": " + e.getMessage()
                    : e.getMessage(), f.range());
        }
    }

    private List<Object> evalArgs(FunctionCall f, Scope s) {
        List<Object> args = new ArrayList<>(f.args().size());
        for (Expression a : f.args()) {
            args.add(eval(a, s));
        }
        if (f.expandFinal() && !args.isEmpty()) {
            Object last = args.remove(args.size() - 1);
            if (isUnknown(last)) {
                args.add(last);
            } else {
                args.addAll(Values.list(last));
            }
        }
        return args;
    }

    private Object forExpr(ForExpr f, Scope s) {
        Object coll = eval(f.collection(), s);
        if (isUnknown(coll)) {
            return new Unknown(f.raw());
        }
        if (coll == null) {
            throw new EvalException("a for expression cannot iterate over null", f.collection().range());
        }
        List<Object> list = new ArrayList<>();
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> en : entries(coll)) {
            made(1);
            Scope inner = s.with(f.valueVar(), en.getValue());
            if (f.keyVar() != null) {
                inner = inner.with(f.keyVar(), en.getKey());
            }
            if (f.condition() != null) {
                Object c = eval(f.condition(), inner);
                if (isUnknown(c)) {
                    return new Unknown(f.raw());
                }
                if (!Values.bool(c)) {
                    continue;
                }
            }
            Object v = eval(f.valueExpr(), inner);
            if (!f.isObject()) {
                list.add(v);
                continue;
            }
            Object k = eval(f.keyExpr(), inner);
            if (isUnknown(k)) {
                return new Unknown(f.raw());
            }
            String key = Values.string(k);
            if (f.grouping()) {
                @SuppressWarnings("unchecked")
                List<Object> group = (List<Object>) map.computeIfAbsent(key, x -> new ArrayList<>());
                group.add(v);
            } else if (map.containsKey(key)) {
                throw new EvalException("duplicate key \"" + key + "\" in a for expression (use ... to group)",
                        f.keyExpr().range());
            } else {
                map.put(key, v);
            }
        }
        return f.isObject() ? map : list;
    }

    /** Key/value pairs of a collection: index and element of a list, sorted key and value of a map. */
    static List<Map.Entry<Object, Object>> entries(Object coll) {
        List<Map.Entry<Object, Object>> out = new ArrayList<>();
        if (coll instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                out.add(new java.util.AbstractMap.SimpleImmutableEntry<>(BigDecimal.valueOf(i), l.get(i)));
            }
        } else if (coll instanceof Map<?, ?> m) {
            new TreeMap<>(m).forEach((k, v) -> out.add(new java.util.AbstractMap.SimpleImmutableEntry<>(k, v)));
        } else {
            throw new EvalException("cannot iterate over a " + Values.typeName(coll));
        }
        return out;
    }

    private Object conditional(Conditional c, Scope s) {
        Object cond = eval(c.condition(), s);
        if (isUnknown(cond)) {
            // Either branch may be the value: both are read so that their references still relate the resources
            // (local.enabled ? aws_s3_bucket.x[0].id : null). An error in a branch that may not be taken is not one.
            for (Expression branch : List.of(c.then(), c.otherwise())) {
                try {
                    eval(branch, s);
                } catch (EvalException ignored) {
                    // the branch may never be taken
                }
            }
            return new Unknown(c.raw());
        }
        if (cond == null) {
            throw new EvalException("the condition is null", c.condition().range());
        }
        return Values.bool(cond) ? eval(c.then(), s) : eval(c.otherwise(), s);
    }

    private Object unary(Unary u, Scope s) {
        Object v = eval(u.operand(), s);
        if (isUnknown(v)) {
            return new Unknown(u.raw());
        }
        return switch (u.op()) {
            case NOT -> !Values.bool(v);
            case NEGATE -> Values.number(v).negate();
        };
    }

    private Object binary(Binary b, Scope s) {
        Object l = eval(b.left(), s);
        BinaryOperator op = b.op();
        if (op == BinaryOperator.AND || op == BinaryOperator.OR) {
            // Short-circuit on a known left side: false && x and true || x do not depend on x.
            if (!isUnknown(l) && Values.bool(l) == (op == BinaryOperator.OR)) {
                return op == BinaryOperator.OR;
            }
            Object r = eval(b.right(), s);
            if (!isUnknown(r) && Values.bool(r) == (op == BinaryOperator.OR)) {
                return op == BinaryOperator.OR;
            }
            return isUnknown(l) || isUnknown(r) ? new Unknown(b.raw()) : op == BinaryOperator.AND;
        }
        Object r = eval(b.right(), s);
        if (op == BinaryOperator.EQUAL || op == BinaryOperator.NOT_EQUAL) {
            if (Values.deepUnknown(l) || Values.deepUnknown(r)) {
                return new Unknown(b.raw());
            }
            return Values.equal(l, r) == (op == BinaryOperator.EQUAL);
        }
        if (isUnknown(l) || isUnknown(r)) {
            return new Unknown(b.raw());
        }
        BigDecimal x = Values.number(l);
        BigDecimal y = Values.number(r);
        return switch (op) {
            case ADD -> x.add(y);
            case SUBTRACT -> x.subtract(y);
            case MULTIPLY -> x.multiply(y);
            case DIVIDE -> {
                if (y.signum() == 0) {
                    throw new EvalException("division by zero", b.range());
                }
                yield x.divide(y, Values.MATH);
            }
            case MODULO -> {
                if (y.signum() == 0) {
                    throw new EvalException("modulo by zero", b.range());
                }
                yield x.remainder(y);
            }
            case LESS -> x.compareTo(y) < 0;
            case GREATER -> x.compareTo(y) > 0;
            case LESS_OR_EQUAL -> x.compareTo(y) <= 0;
            case GREATER_OR_EQUAL -> x.compareTo(y) >= 0;
            default -> throw new IllegalStateException(op.toString());
        };
    }
}
