package dev.tollgate.parse.terraform;

import dev.tollgate.parse.terraform.hcl.SourceRange;

/**
 * An expression Terraform itself would reject (wrong type, missing attribute, bad index). Caught where an attribute is
 * evaluated: the attribute becomes unknown and the scan reports where and why.
 */
final class EvalException extends RuntimeException {

    private final transient SourceRange range;

    EvalException(String message, SourceRange range) {
        super(message, null, false, false);
        this.range = range;
    }

    EvalException(String message) {
        this(message, null);
    }

    SourceRange range() {
        return range;
    }
}
