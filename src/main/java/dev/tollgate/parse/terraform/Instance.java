package dev.tollgate.parse.terraform;

import dev.tollgate.model.SourceLocation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One evaluated resource instance: what becomes a {@link dev.tollgate.model.Resource}, plus the evaluation-form values
 * other expressions read and, per attribute path, the instances that attribute referred to.
 */
record Instance(String kind, String name, String address, SourceLocation location, Map<String, Object> values,
        Map<String, SourceLocation> locations, Map<String, Set<String>> refsByAttribute) {

    Instance {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        locations = Map.copyOf(locations);
        refsByAttribute = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(refsByAttribute));
    }
}
