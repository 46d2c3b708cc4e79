package dev.tollgate.parse.terraform;

import java.util.LinkedHashMap;

/**
 * The values of a nested block of a resource ({@code spec}, {@code port} in {@code spec[0].port[0]}), as written in
 * its configuration. An attribute the configuration leaves out is not an error to read: the provider's schema has it
 * and fills it in (a default such as the Kubernetes provider's {@code protocol = "TCP"}, or a computed value), so it
 * is known only after apply, exactly like a resource's own unset attributes (see {@link InstanceRef}). A literal
 * object or map written in an attribute stays a plain map: reading a key it lacks is still an error, as in Terraform.
 */
final class BlockValues extends LinkedHashMap<String, Object> {

    private static final long serialVersionUID = 1L;
}
