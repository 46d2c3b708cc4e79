package dev.tollgate.parse.terraform;

import dev.tollgate.model.SecretKeys;
import dev.tollgate.parse.terraform.hcl.Expression;
import dev.tollgate.parse.terraform.hcl.Expression.Binary;
import dev.tollgate.parse.terraform.hcl.Expression.Conditional;
import dev.tollgate.parse.terraform.hcl.Expression.ForExpr;
import dev.tollgate.parse.terraform.hcl.Expression.FunctionCall;
import dev.tollgate.parse.terraform.hcl.Expression.GetAttr;
import dev.tollgate.parse.terraform.hcl.Expression.Index;
import dev.tollgate.parse.terraform.hcl.Expression.ObjectCons;
import dev.tollgate.parse.terraform.hcl.Expression.ObjectItem;
import dev.tollgate.parse.terraform.hcl.Expression.Parens;
import dev.tollgate.parse.terraform.hcl.Expression.Splat;
import dev.tollgate.parse.terraform.hcl.Expression.Template;
import dev.tollgate.parse.terraform.hcl.Expression.Tuple;
import dev.tollgate.parse.terraform.hcl.Expression.Unary;
import dev.tollgate.parse.terraform.hcl.TemplatePart;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a problem quotes an expression it could not evaluate: the expression as written, except that the text of every
 * string under a key that names a secret ({@code password = "Sup3r-${var.x}"}, {@code { DB_PASSWORD = "..." }}) is
 * {@code ****}. A password with a mistyped variable in it was printed whole in every report before.
 */
final class ShownExpression {

    static final String MASK = "****";

    private ShownExpression() {
    }

    /**
     * {@code e}'s text with secret strings masked.
     *
     * @param secret whether {@code e} is a secret's value as a whole (of a secret-named attribute, local, variable or
     *     input, or of a variable or output declared {@code sensitive}): then every string literal in it is masked
     */
    static String of(Expression e, boolean secret) {
        List<int[]> masked = new ArrayList<>();
        collect(e, secret, masked, 0);
        String raw = e.raw();
        if (masked.isEmpty()) {
            return raw;
        }
        masked.sort(Comparator.comparingInt(r -> r[0]));
        int base = e.range().startOffset();
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int[] r : masked) {
            int from = Math.max(r[0] - base, copied);
            int to = Math.min(r[1] - base, raw.length());
            if (to <= from) {
                continue;
            }
            out.append(raw, copied, from).append(MASK);
            copied = to;
        }
        return out.append(raw, copied, raw.length()).toString();
    }

    /** The literal texts of every value in {@code e} that is a secret's (all of them when {@code secret}). */
    static List<String> secretLiterals(Expression e, boolean secret) {
        List<int[]> masked = new ArrayList<>();
        collect(e, secret, masked, 0);
        String text = e.range().source().text();
        List<String> out = new ArrayList<>();
        for (int[] r : masked) {
            if (r[1] - r[0] >= 3) { // as the redactor: shorter text would mask parts of ordinary words
                out.add(text.substring(r[0], r[1]));
            }
        }
        return out;
    }

    private static void collect(Expression e, boolean secret, List<int[]> into, int depth) {
        if (e == null || depth > 256) {
            return;
        }
        int d = depth + 1;
        if (e instanceof Template t) {
            parts(t.parts(), secret, into, d);
        } else if (e instanceof ObjectCons o) {
            for (ObjectItem item : o.items()) {
                String key = item.keyword() != null ? item.keyword()
                        : item.key() instanceof Template k && k.isLiteral() ? k.literalValue() : null;
                collect(item.key(), secret, into, d);
                collect(item.value(), secret || SecretKeys.isSecret(key), into, d);
            }
        } else if (e instanceof Tuple t) {
            t.elements().forEach(x -> collect(x, secret, into, d));
        } else if (e instanceof FunctionCall f) {
            f.args().forEach(x -> collect(x, secret, into, d));
        } else if (e instanceof ForExpr f) {
            collect(f.collection(), secret, into, d);
            collect(f.keyExpr(), secret, into, d);
            collect(f.valueExpr(), secret, into, d);
            collect(f.condition(), secret, into, d);
        } else if (e instanceof Conditional c) {
            collect(c.condition(), secret, into, d);
            collect(c.then(), secret, into, d);
            collect(c.otherwise(), secret, into, d);
        } else if (e instanceof Binary b) {
            collect(b.left(), secret, into, d);
            collect(b.right(), secret, into, d);
        } else if (e instanceof Unary u) {
            collect(u.operand(), secret, into, d);
        } else if (e instanceof Parens p) {
            collect(p.inner(), secret, into, d);
        } else if (e instanceof Index i) {
            collect(i.collection(), secret, into, d);
            collect(i.key(), secret, into, d);
        } else if (e instanceof GetAttr g) {
            collect(g.object(), secret, into, d);
        } else if (e instanceof Splat s) {
            collect(s.source(), secret, into, d);
            collect(s.each(), secret, into, d);
        }
    }

    private static void parts(List<TemplatePart> parts, boolean secret, List<int[]> into, int depth) {
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Literal literal) {
                if (secret && !literal.value().isEmpty()) {
                    into.add(new int[] {literal.range().startOffset(), literal.range().endOffset()});
                }
            } else if (part instanceof TemplatePart.Interpolation i) {
                collect(i.expr(), secret, into, depth);
            } else if (part instanceof TemplatePart.If f) {
                collect(f.condition(), secret, into, depth);
                parts(f.then(), secret, into, depth);
                parts(f.otherwise(), secret, into, depth);
            } else if (part instanceof TemplatePart.For f) {
                collect(f.collection(), secret, into, depth);
                parts(f.body(), secret, into, depth);
            }
        }
    }
}
