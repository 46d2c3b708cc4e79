package dev.tollgate.parse.terraform.hcl;

import dev.tollgate.parse.terraform.hcl.Expression.BoolLiteral;
import dev.tollgate.parse.terraform.hcl.Expression.NullLiteral;
import dev.tollgate.parse.terraform.hcl.Expression.NumberLiteral;
import dev.tollgate.parse.terraform.hcl.Expression.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts our tree to the JSON shape of {@code @cdktf/hcl2json} (the tmccombs/hcl2json convention), so the two
 * parsers can be compared: blocks become arrays nested by labels, literal values stay values, literal strings
 * escape {@code ${}/{@code %{} back to {@code $${}/{@code %%{}, anything else becomes {@code "${raw source}"}.
 */
final class HclJsonShape {

    private HclJsonShape() {
    }

    /** What hcl2json cannot convert although it parses (it evaluates operators on literals). */
    static final class Unconvertible extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unconvertible(String message) {
            super(message);
        }
    }

    static Map<String, Object> body(Body body) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Attribute attribute : body.attributes()) {
            out.put(attribute.name(), expression(attribute.expr()));
        }
        for (Block block : body.blocks()) {
            addBlock(block, out);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void addBlock(Block block, Map<String, Object> out) {
        Map<String, Object> current = out;
        String key = block.type();
        for (String label : block.labels()) {
            Object inner = current.get(key);
            if (!(inner instanceof Map)) {
                inner = new LinkedHashMap<String, Object>();
                current.put(key, inner);
            }
            current = (Map<String, Object>) inner;
            key = label;
        }
        Object existing = current.get(key);
        List<Object> list;
        if (existing instanceof List) {
            list = (List<Object>) existing;
        } else {
            list = new ArrayList<>();
            current.put(key, list);
        }
        list.add(body(block.body()));
    }

    static Object expression(Expression expr) {
        if (expr instanceof NumberLiteral n) {
            return n.value();
        }
        if (expr instanceof BoolLiteral b) {
            return b.value();
        }
        if (expr instanceof NullLiteral) {
            return null;
        }
        if (expr instanceof Expression.Unary u) {
            // hcl2json evaluates an operator applied directly to a literal, e.g. -1 and !true
            if (u.operand() instanceof NumberLiteral n && u.op() == Expression.UnaryOperator.NEGATE) {
                return n.value().negate();
            }
            if (u.operand() instanceof BoolLiteral b && u.op() == Expression.UnaryOperator.NOT) {
                return !b.value();
            }
            if (u.operand() instanceof BoolLiteral || u.operand() instanceof NumberLiteral
                    || u.operand() instanceof NullLiteral) {
                // hcl2json evaluates this too, and fails: not a syntax error, but it rejects the file
                throw new Unconvertible(u.range() + ": Invalid operand; unsuitable value for unary operand");
            }
            return wrap(expr);
        }
        if (expr instanceof Template t) {
            return template(t);
        }
        if (expr instanceof Expression.Tuple t) {
            List<Object> list = new ArrayList<>();
            for (Expression element : t.elements()) {
                list.add(expression(element));
            }
            return list;
        }
        if (expr instanceof Expression.ObjectCons o) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Expression.ObjectItem item : o.items()) {
                map.put(key(item), expression(item.value()));
            }
            return map;
        }
        return wrap(expr);
    }

    private static String key(Expression.ObjectItem item) {
        if (item.keyword() != null) {
            return item.keyword();
        }
        if (!item.parenthesized() && item.key() instanceof Template t && template(t) instanceof String s) {
            return s;
        }
        if (!item.parenthesized() && (item.key() instanceof NumberLiteral || item.key() instanceof BoolLiteral)) {
            return stringPart(item.key()); // literal keys are converted to strings: { 1 = "one" } has key "1"
        }
        if (!item.parenthesized() && isTraversal(item.key())) {
            return item.key().raw(); // hcl2json prints a traversal key as written: providers = { aws.acm = aws }
        }
        return wrap(item.key());
    }

    private static boolean isTraversal(Expression e) {
        return e instanceof Expression.Variable || e instanceof Expression.GetAttr g && isTraversal(g.object());
    }

    private static Object template(Template t) {
        if (t.isLiteral()) {
            return escape(t.literalValue());
        }
        if (t.parts().size() == 1 && t.parts().get(0) instanceof TemplatePart.Interpolation only) {
            // "${x}" alone is HCL's template wrap: it is x itself, not a string
            return expression(only.expr());
        }
        return templateString(t);
    }

    /** A template with interpolations as hcl2json prints it: literal-valued interpolations are inlined. */
    private static String templateString(Template t) {
        StringBuilder sb = new StringBuilder();
        for (TemplatePart part : t.parts()) {
            if (part instanceof TemplatePart.Literal literal) {
                sb.append(escape(literal.value()));
            } else if (part instanceof TemplatePart.Interpolation interpolation) {
                sb.append(stringPart(interpolation.expr()));
            } else {
                sb.append(part.range().text());
            }
        }
        return sb.toString();
    }

    private static String stringPart(Expression expr) {
        if (expr instanceof Template t) {
            return t.isLiteral() ? escape(t.literalValue()) : templateString(t);
        }
        if (expr instanceof NumberLiteral n) {
            return n.value().stripTrailingZeros().toPlainString();
        }
        if (expr instanceof BoolLiteral b) {
            return String.valueOf(b.value());
        }
        if (expr instanceof NullLiteral) {
            return "null";
        }
        return wrap(expr);
    }

    private static String wrap(Expression expr) {
        return "${" + expr.raw() + "}";
    }

    private static String escape(String literal) {
        return literal.replace("${", "$${").replace("%{", "%%{");
    }
}
