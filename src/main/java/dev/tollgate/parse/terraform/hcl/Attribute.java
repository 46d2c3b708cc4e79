package dev.tollgate.parse.terraform.hcl;

/** {@code name = expr}. {@code range} spans from the name to the end of the expression. */
public record Attribute(String name, Expression expr, SourceRange nameRange, SourceRange range) {
}
