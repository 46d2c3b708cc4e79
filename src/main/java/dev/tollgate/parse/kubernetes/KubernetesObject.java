package dev.tollgate.parse.kubernetes;

import dev.tollgate.model.Format;
import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * One Kubernetes object as read, before it becomes a {@link Resource}: a document, or an item of a list.
 *
 * @param data the object as written
 * @param kind its kind (for an item of a typed list, inferred from the list)
 * @param locations where its nodes were written, pointers relative to the object
 * @param start where the object starts
 */
record KubernetesObject(Map<String, Object> data, String kind, LocationIndex locations, SourceLocation start) {

    static final String UNNAMED = "<unnamed>";

    /**
     * The items when this object is a list ({@code List}, {@code DeploymentList}...) holding an items list; else null.
     */
    List<?> listItems() {
        return kind.endsWith("List") && data.get("items") instanceof List<?> items ? items : null;
    }

    /** metadata.name, else metadata.generateName, else {@value #UNNAMED}. */
    String name() {
        String name = metadataText("name");
        if (name == null) {
            name = metadataText("generateName");
        }
        return name == null ? UNNAMED : name;
    }

    /** metadata.namespace, or null when it is not set. */
    String namespace() {
        return metadataText("namespace");
    }

    /** {@code Kind/namespace/name}, or {@code Kind/name} without a namespace: stable, and free of line numbers. */
    String address() {
        String namespace = namespace();
        return namespace == null ? kind + "/" + name() : kind + "/" + namespace + "/" + name();
    }

    Resource toResource() {
        return new Resource(Format.KUBERNETES, kind, name(), address(), start, NullFields.pruned(data), locations);
    }

    /**
     * A metadata field as text. A number or boolean is taken as written in its Java form ({@code name: 123} is invalid
     * Kubernetes, but still names the object better than nothing); an empty string, a map or a list is not a name.
     */
    private String metadataText(String field) {
        if (!(data.get("metadata") instanceof Map<?, ?> metadata)) {
            return null;
        }
        Object value = metadata.get(field);
        if (value instanceof String s) {
            return s.isEmpty() ? null : s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return null;
    }
}
