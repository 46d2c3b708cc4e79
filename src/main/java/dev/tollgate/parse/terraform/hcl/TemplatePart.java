package dev.tollgate.parse.terraform.hcl;

import java.util.List;

/** One piece of a {@link Expression.Template}. */
public sealed interface TemplatePart {

    SourceRange range();

    /**
     * Literal text, decoded ({@code \n}, {@code $${} and {@code %%{} unescaped; strip markers and heredoc dedent
     * applied). {@code range} is the raw source the text came from.
     */
    record Literal(String value, SourceRange range) implements TemplatePart {
    }

    /** {@code ${expr}}, {@code ${~ expr ~}}. */
    record Interpolation(Expression expr, boolean stripBefore, boolean stripAfter, SourceRange range)
            implements TemplatePart {
    }

    /** {@code %{if cond}then%{else}otherwise%{endif}}; {@code otherwise} is empty without {@code %{else}}. */
    record If(Expression condition, List<TemplatePart> then, List<TemplatePart> otherwise, SourceRange range)
            implements TemplatePart {

        public If {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }
    }

    /** {@code %{for k, v in coll}body%{endfor}}; {@code keyVar} may be null. */
    record For(String keyVar, String valueVar, Expression collection, List<TemplatePart> body, SourceRange range)
            implements TemplatePart {

        public For {
            body = List.copyOf(body);
        }
    }
}
