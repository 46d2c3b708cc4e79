package dev.tollgate.engine;

import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.Resource;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The CEL variable {@code meta} of one selected element: the resource's identity, and the element's JSON pointer and
 * key (the last pointer token: the variable name for {@code $[*]} over an env file; "" for the whole resource).
 *
 * <p>A map read by field, not built: a third of the bundled conditions read {@code meta.file} of every element they
 * judge, and building a seven-entry map for each was 2.3% of a large scan's CPU samples. Iterated, compared or hashed
 * (rare: cel-java's fallback, remembered answers), it is the {@link HashMap} it replaces, with the same order.
 */
final class ElementMeta extends AbstractMap<String, Object> {

    private static final Set<String> KEYS = Set.of("pointer", "key", "format", "kind", "name", "address", "file");

    private final Resource resource;
    private final Selector.Selected selected;
    private Map<String, Object> whole;

    /**
     * @param selected the element: its pointer is written only if {@code meta.pointer} is read, since
     *     {@code meta.key}, which conditions that judge every value read, is its last token as the walk found it
     */
    ElementMeta(Resource resource, Selector.Selected selected) {
        this.resource = resource;
        this.selected = selected;
    }

    @Override
    public Object get(Object field) {
        if (!(field instanceof String name)) {
            return null;
        }
        return switch (name) {
            case "pointer" -> selected.pointer();
            case "key" -> key();
            case "format" -> resource.format().id();
            case "kind" -> resource.kind();
            case "name" -> resource.name();
            case "address" -> resource.address();
            case "file" -> resource.location().file();
            default -> null;
        };
    }

    @Override
    public boolean containsKey(Object field) {
        return field instanceof String name && KEYS.contains(name);
    }

    @Override
    public int size() {
        return KEYS.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        if (whole == null) {
            Map<String, Object> m = new HashMap<>();
            m.put("pointer", selected.pointer());
            m.put("key", key());
            m.put("format", resource.format().id());
            m.put("kind", resource.kind());
            m.put("name", resource.name());
            m.put("address", resource.address());
            m.put("file", resource.location().file());
            whole = m;
        }
        return whole.entrySet();
    }

    /** The pointer's last token, unescaped: the last key or list index the walk took, when it was walked. */
    private String key() {
        Object[] tokens = selected.tokens();
        if (tokens != null) {
            return tokens.length == 0 ? "" : String.valueOf(tokens[tokens.length - 1]);
        }
        String pointer = selected.pointer();
        if (pointer.isEmpty()) {
            return "";
        }
        return LocationIndex.unescape(pointer.substring(pointer.lastIndexOf('/') + 1));
    }
}
