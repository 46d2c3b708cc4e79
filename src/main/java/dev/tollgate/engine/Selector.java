package dev.tollgate.engine;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import dev.tollgate.model.LocationIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A policy's {@code select}: a json-path run over a resource's data, giving the JSON pointer of each selected element
 * so that its finding lands on that element's line. Compiled once per policy ({@code JsonPath.compile} is not cached
 * by the library).
 */
final class Selector {

    private static final Configuration PATHS = Configuration.defaultConfiguration()
            .addOptions(Option.AS_PATH_LIST, Option.SUPPRESS_EXCEPTIONS, Option.ALWAYS_RETURN_LIST);

    /** Each path: walked directly when {@link SimplePath} can, else by json-path. */
    private record Path(SimplePath simple, JsonPath general) {
    }

    private final List<Path> paths;

    private Selector(List<Path> paths) {
        this.paths = paths;
    }

    /**
     * Compiles each path. Several paths rather than json-path's multi-property brackets ({@code ['a','b']}): those
     * return one merged map at the parent when only some of the keys exist, not each element.
     */
    static Selector compile(List<String> expressions) {
        return new Selector(expressions.stream().map(e -> {
            // Compiled by json-path in every case, so that an invalid path is reported the same way either way.
            JsonPath general = JsonPath.compile(e);
            return new Path(SimplePath.compile(e), general);
        }).toList());
    }

    /** The pointers of the selected elements: each path's in the order json-path gives them, duplicates once. */
    List<String> select(Object data) {
        return select(data, false, null);
    }

    /**
     * As {@link #select(Object)}. When {@code scalarsOnly}, selected maps and lists may be left out (where the path is
     * walked directly), because the caller would skip them; {@code scans}, when given, holds the resource's deep
     * scans shared between policies ({@link SimplePath.DeepScans}).
     */
    List<String> select(Object data, boolean scalarsOnly, SimplePath.DeepScans scans) {
        return new ArrayList<>(selectNodes(data, scalarsOnly, scans).keySet());
    }

    /** A node json-path selected, which it gives by pointer only: to be looked up ({@code PolicyEngine}). */
    static final Object UNRESOLVED = new Object();

    /**
     * As {@link #select(Object, boolean, SimplePath.DeepScans)}, each pointer with its node (a Java null is an unknown
     * value), or {@link #UNRESOLVED} where json-path selected it: the walk has the node at hand, and looking each one
     * up again by its pointer was 4% of a large scan's CPU.
     */
    Map<String, Object> selectNodes(Object data, boolean scalarsOnly, SimplePath.DeepScans scans) {
        Map<String, Object> nodes = new LinkedHashMap<>();
        collect(data, scalarsOnly, scans, nodes);
        return nodes;
    }

    /** A selected element: its pointer, written on first need, and its node or {@link #UNRESOLVED}. */
    static final class Selected {
        private final Object[] tokens;
        private final Object node;
        private String pointer;

        Selected(String pointer, Object node) {
            this.tokens = null;
            this.pointer = pointer;
            this.node = node;
        }

        private Selected(Object[] tokens, Object node) {
            this.tokens = tokens;
            this.node = node;
        }

        private Selected(Object[] tokens, Object node, String pointer) {
            this.tokens = tokens;
            this.node = node;
            this.pointer = pointer;
        }

        String pointer() {
            if (pointer == null) {
                pointer = SimplePath.pointer(tokens);
            }
            return pointer;
        }

        Object node() {
            return node;
        }

        /** The pointer's tokens (keys, and boxed list indexes), or null when only the pointer is known. */
        Object[] tokens() {
            return tokens;
        }
    }

    /**
     * As {@link #selectNodes}, as a list: when the selector is one path that reaches each node once, the selection
     * needs no map to put repeats away (building it, hashing every pointer, was 2% of a large scan's CPU samples).
     */
    List<Selected> selectList(Object data, boolean scalarsOnly, SimplePath.DeepScans scans) {
        if (paths.size() == 1 && paths.get(0).simple() != null && !paths.get(0).simple().mayRepeat()) {
            List<Selected> out = new ArrayList<>();
            paths.get(0).simple().select(data, (tokens, node) -> out.add(new Selected(tokens, node)), scalarsOnly,
                    scans);
            return out;
        }
        // Several paths, or one that can reach a node twice: each pointer once, the first path's node kept, as in
        // selectNodes. A walked node keeps its tokens, so that finding its converted value needs no pointer parsing.
        Map<String, Selected> byPointer = new LinkedHashMap<>();
        for (Path path : paths) {
            if (path.simple() != null) {
                path.simple().select(data, (tokens, node) -> {
                    String pointer = SimplePath.pointer(tokens);
                    byPointer.putIfAbsent(pointer, new Selected(tokens, node, pointer));
                }, scalarsOnly, scans);
            } else {
                Set<String> pointers = new LinkedHashSet<>();
                selectGeneral(path.general(), data, pointers);
                for (String pointer : pointers) {
                    // selectNodes' putIfAbsent: json-path's pointer replaces a walked node that is a Java null
                    Selected known = byPointer.get(pointer);
                    if (known == null || known.node() == null) {
                        byPointer.put(pointer, new Selected(pointer, UNRESOLVED));
                    }
                }
            }
        }
        return new ArrayList<>(byPointer.values());
    }

    private void collect(Object data, boolean scalarsOnly, SimplePath.DeepScans scans, Map<String, Object> nodes) {
        for (Path path : paths) {
            if (path.simple() != null) {
                path.simple().select(data, (tokens, node) -> {
                    String pointer = SimplePath.pointer(tokens);
                    if (!nodes.containsKey(pointer)) {
                        nodes.put(pointer, node);
                    }
                }, scalarsOnly, scans);
            } else {
                Set<String> pointers = new LinkedHashSet<>();
                selectGeneral(path.general(), data, pointers);
                for (String pointer : pointers) {
                    nodes.putIfAbsent(pointer, UNRESOLVED);
                }
            }
        }
    }

    /** json-path's own answer, for any path: {@code SimplePathTest} compares the two. */
    static List<String> selectGeneral(String expression, Object data) {
        Set<String> pointers = new LinkedHashSet<>();
        selectGeneral(JsonPath.compile(expression), data, pointers);
        return new ArrayList<>(pointers);
    }

    private static void selectGeneral(JsonPath path, Object data, Set<String> pointers) {
        Object result;
        try {
            result = JsonPath.using(PATHS).parse(data).read(path);
        } catch (InvalidPathException e) {
            // Thrown despite SUPPRESS_EXCEPTIONS when a filter meets a scalar (env: true): nothing is selected there.
            return;
        }
        if (result instanceof List<?> list) {
            for (Object p : list) {
                pointers.add(toPointer(String.valueOf(p)));
            }
        }
    }

    /** {@code $['spec']['containers'][0]} to {@code /spec/containers/0}. */
    static String toPointer(String normalizedPath) {
        StringBuilder out = new StringBuilder();
        int i = 1; // skip '$'
        while (i < normalizedPath.length()) {
            if (normalizedPath.charAt(i) != '[') {
                i++;
                continue;
            }
            if (normalizedPath.charAt(i + 1) == '\'') {
                StringBuilder key = new StringBuilder();
                int j = i + 2;
                while (j < normalizedPath.length() && normalizedPath.charAt(j) != '\'') {
                    if (normalizedPath.charAt(j) == '\\' && j + 1 < normalizedPath.length()) {
                        j++;
                    }
                    key.append(normalizedPath.charAt(j));
                    j++;
                }
                out.append('/').append(LocationIndex.escape(key.toString()));
                i = j + 2; // past "']"
            } else {
                int close = normalizedPath.indexOf(']', i);
                out.append('/').append(normalizedPath, i + 1, close);
                i = close + 1;
            }
        }
        return out.toString();
    }
}
