package dev.tollgate.model;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where each node of a resource's data was written, keyed by JSON pointer ({@code /spec/containers/0/image}).
 * For a map entry the location is that of its key (the {@code image:} line); for a list item, where the item starts.
 * The root pointer is {@code ""}.
 *
 * <p>Parsers record locations while they parse; nothing searches the source for them afterwards.
 */
public record LocationIndex(Map<String, SourceLocation> byPointer) {

    public LocationIndex {
        byPointer = byPointer instanceof Handed handed ? handed.map : Map.copyOf(Objects.requireNonNull(byPointer,
                "byPointer"));
    }

    /**
     * An index of {@code byPointer} without copying it, for a parser that built the map for this index alone and hands
     * it over: it must never change the map afterwards. Copying every resource's locations was 1-1.5% of a large
     * scan's CPU samples.
     */
    public static LocationIndex handedOver(Map<String, SourceLocation> byPointer) {
        return new LocationIndex(new Handed(Collections.unmodifiableMap(Objects.requireNonNull(byPointer,
                "byPointer"))));
    }

    /** A map {@link #handedOver}: the record's constructor takes its read-only view as it is. */
    private static final class Handed extends AbstractMap<String, SourceLocation> {
        private final Map<String, SourceLocation> map;

        Handed(Map<String, SourceLocation> map) {
            this.map = map;
        }

        @Override
        public Set<Entry<String, SourceLocation>> entrySet() {
            return map.entrySet();
        }
    }

    /** The location of {@code pointer}, or of its nearest recorded ancestor; never null if the root is recorded. */
    public SourceLocation find(String pointer) {
        String p = pointer;
        while (true) {
            SourceLocation loc = byPointer.get(p);
            if (loc != null) {
                return loc;
            }
            if (p.isEmpty()) {
                return null;
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }

    /** Escapes one reference token for use in a JSON pointer (RFC 6901). */
    public static String escape(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token; // nearly every key: called for each one parsed, so spare the two replace passes
        }
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** The token {@link #escape} was given: {@code ~1} to {@code /}, then {@code ~0} to {@code ~} (RFC 6901). */
    public static String unescape(String token) {
        return token.indexOf('~') < 0 ? token : token.replace("~1", "/").replace("~0", "~");
    }

    public static String child(String parentPointer, String key) {
        return parentPointer + "/" + escape(key);
    }

    public static String child(String parentPointer, int index) {
        return parentPointer + "/" + index;
    }
}
