package dev.tollgate.model;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where each node of a resource's data was written, keyed by JSON pointer ({@code /spec/containers/0/image}).
 * For a map entry the location is that of its key (the {@code image:} line); for a list item, where the item starts.
 * The root pointer is {@code ""}.
 *
 * <p>Parsers record locations while they parse; nothing searches the source for them afterwards. A parser may record
 * them without writing any pointer ({@link Recorder}): the pointers are then written the first time the index is
 * read. Most resources of a scan are never located (on the benchmark corpus, 23,168 of 86,568 have a finding), and
 * writing a pointer string and a map entry for every node of every resource was 4-5% of a large scan's CPU samples.
 *
 * <p>Immutable once read; safe to read from several threads.
 */
public final class LocationIndex {

    /** The pointers and their locations; null until first read when {@link #recorded} holds them. */
    private volatile Map<String, SourceLocation> byPointer;
    /** What a {@link Recorder} saw, until the pointers are written; then null. */
    private Recorder recorded;

    public LocationIndex(Map<String, SourceLocation> byPointer) {
        this.byPointer = byPointer instanceof Handed handed ? handed.map : Map.copyOf(Objects.requireNonNull(byPointer,
                "byPointer"));
    }

    private LocationIndex(Recorder recorded) {
        this.recorded = recorded;
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

    /** A map {@link #handedOver}: the constructor takes its read-only view as it is. */
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

    /** Every pointer and its location, read-only. */
    public Map<String, SourceLocation> byPointer() {
        Map<String, SourceLocation> map = byPointer;
        if (map == null) {
            synchronized (this) {
                map = byPointer;
                if (map == null) {
                    map = Collections.unmodifiableMap(recorded.pointers());
                    byPointer = map;
                    recorded = null;
                }
            }
        }
        return map;
    }

    /** The location of {@code pointer}, or of its nearest recorded ancestor; never null if the root is recorded. */
    public SourceLocation find(String pointer) {
        Recorder r = recorderForLookup();
        if (r != null) {
            SourceLocation answer = r.find(pointer, false);
            if (answer != Recorder.UNANSWERED) {
                return answer;
            }
        }
        Map<String, SourceLocation> map = byPointer();
        String p = pointer;
        while (true) {
            SourceLocation loc = map.get(p);
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

    /** Whether {@code pointer} itself is recorded: {@code byPointer().containsKey(pointer)}. */
    public boolean contains(String pointer) {
        Recorder r = recorderForLookup();
        SourceLocation answer = r == null ? Recorder.UNANSWERED : r.find(pointer, true);
        return answer != Recorder.UNANSWERED ? answer != null : byPointer().containsKey(pointer);
    }

    /**
     * The recorder, to answer one lookup from without writing the pointers, while that stays the cheaper way: a
     * resource with a finding or two is looked up once or twice, and each lookup reads the record once per level of
     * the pointer; past {@link Recorder#LOOKUPS} lookups the map is written once and answers the rest.
     */
    private Recorder recorderForLookup() {
        if (byPointer != null) {
            return null;
        }
        synchronized (this) {
            if (byPointer != null || recorded.lookups >= Recorder.LOOKUPS) {
                return null;
            }
            recorded.lookups++;
            return recorded;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof LocationIndex other && byPointer().equals(other.byPointer());
    }

    @Override
    public int hashCode() {
        return byPointer().hashCode();
    }

    @Override
    public String toString() {
        return "LocationIndex[byPointer=" + byPointer() + "]";
    }

    /**
     * Records locations node by node as a parser meets them, each under its parent's number and its own key or list
     * index, and writes no pointer: {@link #index} gives the index that writes them when first read. The same pointer
     * recorded twice keeps the later location, as a map given them in this order would. Not thread-safe; one per
     * document.
     */
    public static final class Recorder {
        /** The root's number. */
        public static final int ROOT = 0;
        /** Lookups answered from the record before the map is written: each costs a few reads of the record. */
        static final int LOOKUPS = 4;
        /**
         * What {@link #find} gives when a lookup would read the record more than {@link #READS_PER_NODE} times over (a
         * deep pointer into a large document): the caller writes the map instead, so no lookup costs more than that.
         */
        static final SourceLocation UNANSWERED = new SourceLocation("(not answered)", 1, 1); // told apart by identity
        private static final int READS_PER_NODE = 8;

        private int size;
        private int[] parents;
        private Object[] tokens;
        private SourceLocation[] locations;
        /** Lookups answered so far ({@link LocationIndex#recorderForLookup}, under the index's lock). */
        private int lookups;

        /** @param expected about how many nodes there will be (the array grows past it) */
        public Recorder(SourceLocation root, int expected) {
            int capacity = Math.max(16, expected);
            parents = new int[capacity];
            tokens = new Object[capacity];
            locations = new SourceLocation[capacity];
            add(-1, null, root);
        }

        /** Records map entry {@code key} of node {@code parent} at {@code at}; returns the entry's number. */
        public int child(int parent, String key, SourceLocation at) {
            return add(parent, key, at);
        }

        /** Records item {@code index} of list node {@code parent} at {@code at}; returns the item's number. */
        public int child(int parent, int index, SourceLocation at) {
            return add(parent, index, at);
        }

        private int add(int parent, Object token, SourceLocation at) {
            if (size == parents.length) {
                int capacity = size * 2;
                parents = Arrays.copyOf(parents, capacity);
                tokens = Arrays.copyOf(tokens, capacity);
                locations = Arrays.copyOf(locations, capacity);
            }
            parents[size] = parent;
            tokens[size] = token;
            locations[size] = at;
            return size++;
        }

        /** The index of what was recorded; nothing may be recorded after. */
        public LocationIndex index() {
            return new LocationIndex(this);
        }

        /**
         * What the map would answer, read from the record: the location of {@code pointer} or, unless {@code exact},
         * of its nearest recorded ancestor. Level by level, the nodes whose pointer is the prefix read so far (all of
         * them: the same pointer may be recorded twice, and the later location wins, as in the map); a node's
         * children are recorded after it.
         */
        SourceLocation find(String pointer, boolean exact) {
            if (pointer.isEmpty()) {
                return locations[ROOT];
            }
            if (pointer.charAt(0) != '/') {
                return exact ? null : locations[ROOT];
            }
            int[] current = {ROOT};
            int count = 1;
            SourceLocation found = locations[ROOT];
            int start = 1;
            long reads = (long) READS_PER_NODE * size;
            while (true) {
                int end = pointer.indexOf('/', start);
                if (end < 0) {
                    end = pointer.length();
                }
                int index = listIndex(pointer, start, end);
                int[] next = new int[4];
                int matched = 0;
                reads -= size - current[0];
                if (reads < 0) {
                    return UNANSWERED;
                }
                for (int i = current[0] + 1; i < size; i++) {
                    if (isOneOf(parents[i], current, count) && matches(tokens[i], pointer, start, end, index)) {
                        if (matched == next.length) {
                            next = Arrays.copyOf(next, matched * 2);
                        }
                        next[matched++] = i;
                    }
                }
                if (matched == 0) {
                    return exact ? null : found;
                }
                found = locations[next[matched - 1]];
                if (end == pointer.length()) {
                    return found;
                }
                current = next;
                count = matched;
                start = end + 1;
            }
        }

        private static boolean isOneOf(int parent, int[] nodes, int count) {
            for (int i = 0; i < count; i++) {
                if (nodes[i] == parent) {
                    return true;
                }
            }
            return false;
        }

        /** Whether a key or list index writes {@code pointer[start, end)}; {@code index}: that text as an index. */
        private static boolean matches(Object token, String pointer, int start, int end, int index) {
            if (token instanceof String key) {
                String escaped = escape(key);
                return escaped.length() == end - start && pointer.regionMatches(start, escaped, 0, escaped.length());
            }
            return index >= 0 && (Integer) token == index;
        }

        /** Each node's pointer, written from its parent's (a parent is always recorded before its children). */
        private Map<String, SourceLocation> pointers() {
            Map<String, SourceLocation> map = new HashMap<>(size * 4 / 3 + 1);
            String[] pointers = new String[size];
            pointers[ROOT] = "";
            map.put("", locations[ROOT]);
            for (int i = 1; i < size; i++) {
                String parent = pointers[parents[i]];
                pointers[i] = tokens[i] instanceof String key ? LocationIndex.child(parent, key)
                        : LocationIndex.child(parent, (int) (Integer) tokens[i]);
                map.put(pointers[i], locations[i]);
            }
            return map;
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

    /**
     * The list index a pointer token {@code text[start, end)} writes (digits, no sign, no leading 0), or -1 when it
     * writes none.
     */
    public static int listIndex(String text, int start, int end) {
        int length = end - start;
        if (length == 0 || length > 9 || length > 1 && text.charAt(start) == '0') {
            return -1;
        }
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
