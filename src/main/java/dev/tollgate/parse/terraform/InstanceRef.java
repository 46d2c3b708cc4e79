package dev.tollgate.parse.terraform;

import dev.tollgate.model.Unknown;
import dev.tollgate.parse.terraform.hcl.Expression;
import java.util.Set;

/**
 * A reference to a resource instance ({@code aws_s3_bucket.logs}): an attribute set in its configuration is known
 * ({@code .bucket} when written as a literal); anything else ({@code .id}, {@code .arn}) is known only after apply.
 * Reading it records the instance as referred to, which is how {@code related} is built.
 */
record InstanceRef(Instance instance) implements Namespace {

    String address() {
        return instance.address();
    }

    @Override
    public Object attr(String name, Expression at, Scope scope) {
        scope.addRefs(Set.of(instance.address()));
        if (instance.values().containsKey(name)) {
            Object v = instance.values().get(name);
            // A null in configuration means "let the provider choose": known only after apply.
            return v == null ? new Unknown(at.raw()) : v;
        }
        return new Unknown(at.raw());
    }
}
