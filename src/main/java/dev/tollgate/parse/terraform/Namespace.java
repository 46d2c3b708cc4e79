package dev.tollgate.parse.terraform;

import dev.tollgate.parse.terraform.hcl.Expression;

/**
 * A value whose attributes are resolved on demand: {@code var}, {@code local}, {@code module.x}, a resource instance.
 * Never reaches a resource's data: what is left of one at the end becomes {@link dev.tollgate.model.Unknown}.
 */
interface Namespace {

    /** {@code this.name}; {@code at} is the whole traversal, for messages and unknowns. */
    Object attr(String name, Expression at, Scope scope);
}
