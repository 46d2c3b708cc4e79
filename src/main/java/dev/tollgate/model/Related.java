package dev.tollgate.model;

import java.util.Map;
import java.util.Objects;

/**
 * Another resource that refers to this one (Terraform: an {@code aws_s3_bucket_public_access_block} whose
 * {@code bucket} is {@code aws_s3_bucket.logs.id}; Kubernetes: a HorizontalPodAutoscaler whose
 * {@code spec.scaleTargetRef} names a Deployment), so one policy can judge a resource together with what configures
 * it. Policies see these as the CEL variable {@code related}: a list of maps with {@code kind}, {@code name},
 * {@code address}, {@code attribute} (the referring attribute, e.g. {@code bucket}) and {@code data}.
 *
 * @param kind the other resource's kind
 * @param name its name
 * @param address its address
 * @param attribute which of its attributes refers to this resource
 * @param data its data
 * @param location where it is
 */
public record Related(String kind, String name, String address, String attribute, Map<String, Object> data,
        SourceLocation location) {

    public Related {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(data, "data");
    }
}
