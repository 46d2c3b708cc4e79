package dev.tollgate.model;

/**
 * A value that cannot be known before {@code terraform apply} (a data source, a computed attribute, a variable with
 * no value). It stays unknown through evaluation: a policy whose answer depends on it is neither passed nor failed.
 *
 * @param expression the source text of what could not be known, e.g. {@code aws_s3_bucket.logs.arn}
 * @param known for {@code jsonencode(...)} of a value that is only partly unknown, that value, with its unknown parts
 *     as {@link Unknown}: the text cannot be known, but its structure can (a bucket policy whose Resource ARN is
 *     computed still has a known Principal); null otherwise
 */
public record Unknown(String expression, Object known) {

    public Unknown(String expression) {
        this(expression, null);
    }

    @Override
    public String toString() {
        return "(known after apply: " + expression + ")";
    }
}
