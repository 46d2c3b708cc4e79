package dev.tollgate.model;

/**
 * A value that cannot be known before {@code terraform apply} (a data source, a computed attribute, a variable with
 * no value). It stays unknown through evaluation: a policy whose answer depends on it is neither passed nor failed.
 *
 * @param expression the source text of what could not be known, e.g. {@code aws_s3_bucket.logs.arn}
 */
public record Unknown(String expression) {

    @Override
    public String toString() {
        return "(known after apply: " + expression + ")";
    }
}
