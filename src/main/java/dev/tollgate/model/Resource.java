package dev.tollgate.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One thing a policy can judge: a Kubernetes object, a compose service, an env template, a Terraform resource.
 *
 * @param format the input format it came from
 * @param kind its type within the format: the Kubernetes {@code kind}, {@code service} for compose,
 *     {@code env} for env templates, the Terraform resource type
 * @param name its name (metadata.name, the service name, the file name, the Terraform name)
 * @param address a stable identity within the scan ({@code Deployment/default/web}, {@code services.web}); used by
 *     fingerprints, so it must not contain line numbers
 * @param location where the resource starts
 * @param data its content as plain Java values (String, Long, Double, Boolean, List, Map, null, and {@link Unknown}
 *     for Terraform values known only after apply), ordered as written
 * @param locations where every node of {@code data} was written
 * @param related other resources that refer to this one (Terraform; Kubernetes: see
 *     {@code parse.kubernetes.KubernetesLinks}), for policies that judge them together
 * @param callSites for a resource inside a Terraform module, the module blocks that lead to it from the root,
 *     outermost first; empty elsewhere
 */
public record Resource(
        Format format,
        String kind,
        String name,
        String address,
        SourceLocation location,
        Map<String, Object> data,
        LocationIndex locations,
        List<Related> related,
        List<SourceLocation> callSites) {

    /** A resource nothing else refers to (yet: Kubernetes links are added after every file is parsed). */
    public Resource(Format format, String kind, String name, String address, SourceLocation location,
            Map<String, Object> data, LocationIndex locations) {
        this(format, kind, name, address, location, data, locations, List.of(), List.of());
    }

    /** A resource others may refer to, not inside a module. */
    public Resource(Format format, String kind, String name, String address, SourceLocation location,
            Map<String, Object> data, LocationIndex locations, List<Related> related) {
        this(format, kind, name, address, location, data, locations, related, List.of());
    }

    public Resource {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(locations, "locations");
        related = related == null ? List.of() : List.copyOf(related);
        callSites = callSites == null ? List.of() : List.copyOf(callSites);
    }

    /** Where the node at {@code pointer} was written, falling back to its nearest ancestor, then the resource. */
    public SourceLocation locate(String pointer) {
        SourceLocation loc = locations.find(pointer);
        return loc != null ? loc : location;
    }
}
