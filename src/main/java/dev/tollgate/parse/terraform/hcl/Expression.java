package dev.tollgate.parse.terraform.hcl;

import java.math.BigDecimal;
import java.util.List;

/**
 * An HCL native-syntax expression. Nothing here is evaluated: the tree is exactly what was written, and every node
 * can give back its source text through {@link #raw()}.
 */
public sealed interface Expression {

    SourceRange range();

    /** The expression's source text as written (for messages such as {@code ${raw}}). */
    default String raw() {
        return range().text();
    }

    /** A number such as {@code 42}, {@code 1.5e3}. Signs are {@link Unary} operators. */
    record NumberLiteral(BigDecimal value, SourceRange range) implements Expression {
    }

    record BoolLiteral(boolean value, SourceRange range) implements Expression {
    }

    record NullLiteral(SourceRange range) implements Expression {
    }

    /**
     * A quoted string or heredoc. Escapes are already decoded, {@code ~} strip markers and {@code <<-} dedent
     * already applied to the literal parts.
     */
    record Template(List<TemplatePart> parts, boolean heredoc, SourceRange range) implements Expression {

        public Template {
            parts = List.copyOf(parts);
        }

        /** True when there is no interpolation or directive: the template is just a string. */
        public boolean isLiteral() {
            return parts.stream().allMatch(p -> p instanceof TemplatePart.Literal);
        }

        /** The string value of a literal template; only meaningful when {@link #isLiteral()}. */
        public String literalValue() {
            StringBuilder sb = new StringBuilder();
            for (TemplatePart part : parts) {
                if (part instanceof TemplatePart.Literal literal) {
                    sb.append(literal.value());
                }
            }
            return sb.toString();
        }
    }

    /** {@code [a, b]}. */
    record Tuple(List<Expression> elements, SourceRange range) implements Expression {

        public Tuple {
            elements = List.copyOf(elements);
        }
    }

    /** {@code {k = v, "k2": v2, (expr) = v3}}. */
    record ObjectCons(List<ObjectItem> items, SourceRange range) implements Expression {

        public ObjectCons {
            items = List.copyOf(items);
        }
    }

    /**
     * One {@code key = value} of an object constructor. A bare identifier key ({@link Variable}, not
     * {@code parenthesized}) stands for its own name as a string, as in HCL.
     */
    record ObjectItem(Expression key, Expression value, boolean parenthesized) {

        /** The key's name when it is a bare identifier, else null. */
        public String keyword() {
            return !parenthesized && key instanceof Variable v ? v.name() : null;
        }
    }

    /** A root name: {@code var}, {@code aws_s3_bucket}, {@code each}. */
    record Variable(String name, SourceRange range) implements Expression {
    }

    /** {@code object.name}. */
    record GetAttr(Expression object, String name, SourceRange range) implements Expression {
    }

    /** {@code collection[key]}; {@code legacyDot} marks the old {@code collection.0} form. */
    record Index(Expression collection, Expression key, boolean legacyDot, SourceRange range) implements Expression {
    }

    /**
     * {@code source[*].each} (full splat) or {@code source.*.each} ({@code legacy} attribute-only splat).
     * {@code each} is built on a {@link SplatItem} that stands for one element of {@code source}.
     */
    record Splat(Expression source, Expression each, boolean legacy, SourceRange range) implements Expression {
    }

    /** The element placeholder inside {@link Splat#each()}; its range is the splat operator. */
    record SplatItem(SourceRange range) implements Expression {
    }

    /** {@code name(args)}; {@code name} may be namespaced ({@code provider::aws::arn_parse}). */
    record FunctionCall(String name, List<Expression> args, boolean expandFinal, SourceRange nameRange,
                        SourceRange range) implements Expression {

        public FunctionCall {
            args = List.copyOf(args);
        }
    }

    /**
     * {@code [for k, v in coll : value if cond]} ({@code keyExpr} null) or
     * {@code {for k, v in coll : key => value... if cond}}. {@code keyVar} and {@code condition} may be null.
     */
    record ForExpr(String keyVar, String valueVar, Expression collection, Expression keyExpr, Expression valueExpr,
                   Expression condition, boolean grouping, SourceRange range) implements Expression {

        public boolean isObject() {
            return keyExpr != null;
        }
    }

    /** {@code condition ? then : otherwise}. */
    record Conditional(Expression condition, Expression then, Expression otherwise, SourceRange range)
            implements Expression {
    }

    record Unary(UnaryOperator op, Expression operand, SourceRange range) implements Expression {
    }

    record Binary(BinaryOperator op, Expression left, Expression right, SourceRange range) implements Expression {
    }

    /** {@code (inner)}: kept so that the tree reproduces the source and object keys can be forced non-literal. */
    record Parens(Expression inner, SourceRange range) implements Expression {
    }

    enum UnaryOperator {
        NOT("!"), NEGATE("-");

        public final String symbol;

        UnaryOperator(String symbol) {
            this.symbol = symbol;
        }
    }

    /** Binary operators with their HCL precedence: a higher level binds tighter. All are left-associative. */
    enum BinaryOperator {
        OR("||", 1), AND("&&", 2), EQUAL("==", 3), NOT_EQUAL("!=", 3),
        LESS("<", 4), GREATER(">", 4), LESS_OR_EQUAL("<=", 4), GREATER_OR_EQUAL(">=", 4),
        ADD("+", 5), SUBTRACT("-", 5), MULTIPLY("*", 6), DIVIDE("/", 6), MODULO("%", 6);

        public final String symbol;
        public final int precedence;

        BinaryOperator(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }
    }
}
