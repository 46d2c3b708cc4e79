package dev.tollgate.parse.kubernetes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops the fields of a Kubernetes object that are written but empty ({@code env:} with nothing after it).
 *
 * <p>The API server decodes a null field as an absent one, so {@code env:} left empty is a container without
 * environment variables. Policies are written against the object kubectl would apply; without this, a condition
 * that iterates {@code item.env} would fail on the null, and the resource would get a policy error instead of a
 * result. The values of string maps ({@code data}, {@code stringData}, {@code binaryData}, {@code labels},
 * {@code annotations}) are kept as written: there a key with no value is still a key.
 */
final class NullFields {

    private static final Set<String> STRING_MAPS = Set.of("data", "stringData", "binaryData", "labels", "annotations");

    private NullFields() {
    }

    /** The object without its null fields; the loader's maps and lists are never modified (anchors share them). */
    static Map<String, Object> pruned(Map<String, Object> object) {
        return hasNull(object) ? prunedMap(object) : object;
    }

    @SuppressWarnings("unchecked")
    private static Object pruned(Object value) {
        if (value instanceof Map<?, ?> m) {
            return prunedMap((Map<String, Object>) m);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(pruned(item));
            }
            return Collections.unmodifiableList(out);
        }
        return value;
    }

    private static Map<String, Object> prunedMap(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (STRING_MAPS.contains(key) && value instanceof Map<?, ?>) {
                out.put(key, value);
            } else if (value != null) {
                out.put(key, pruned(value));
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** Whether anything below {@code value} would be dropped, so that objects without nulls are not copied. */
    private static boolean hasNull(Object value) {
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getValue() == null) {
                    return true;
                }
                if (!(STRING_MAPS.contains(String.valueOf(e.getKey())) && e.getValue() instanceof Map<?, ?>)
                        && hasNull(e.getValue())) {
                    return true;
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                if (hasNull(item)) {
                    return true;
                }
            }
        }
        return false;
    }
}
