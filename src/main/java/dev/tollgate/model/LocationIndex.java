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
        // Nearly every key needs nothing: one pass to find out (two indexOf passes were a third of child()'s samples,
        // and child() is called for every key parsed), and the two replace passes only for the rare one that does.
        for (int i = 0, n = token.length(); i < n; i++) {
            char c = token.charAt(i);
            if (c == '~' || c == '/') {
                return token.replace("~", "~0").replace("/", "~1");
            }
        }
        return token;
    }

    /** The token {@link #escape} was given: {@code ~1} to {@code /}, then {@code ~0} to {@code ~} (RFC 6901). */
    public static String unescape(String token) {
        return token.indexOf('~') < 0 ? token : token.replace("~1", "/").replace("~0", "~");
    }

    /** Sized up front: a builder of the default size grew again for most pointers, once for every node parsed. */
    public static String child(String parentPointer, String key) {
        String token = escape(key);
        return new StringBuilder(parentPointer.length() + 1 + token.length()).append(parentPointer).append('/')
                .append(token).toString();
    }

    public static String child(String parentPointer, int index) {
        return new StringBuilder(parentPointer.length() + 11).append(parentPointer).append('/').append(index)
                .toString();
    }
}
