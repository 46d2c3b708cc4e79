package dev.tollgate.engine;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import dev.tollgate.model.LocationIndex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A policy's {@code select}: a json-path run over a resource's data, giving the JSON pointer of each selected element
 * so that its finding lands on that element's line. Compiled once per policy ({@code JsonPath.compile} is not cached
 * by the library).
 */
final class Selector {

    private static final Configuration PATHS = Configuration.defaultConfiguration()
            .addOptions(Option.AS_PATH_LIST, Option.SUPPRESS_EXCEPTIONS, Option.ALWAYS_RETURN_LIST);

    private final List<JsonPath> paths;

    private Selector(List<JsonPath> paths) {
        this.paths = paths;
    }

    /**
     * Compiles each path. Several paths rather than json-path's multi-property brackets ({@code ['a','b']}): those
     * return one merged map at the parent when only some of the keys exist, not each element.
     */
    static Selector compile(List<String> expressions) {
        return new Selector(expressions.stream().map(JsonPath::compile).toList());
    }

    /** The pointers of the selected elements: each path's in the order json-path gives them, duplicates once. */
    List<String> select(Object data) {
        Set<String> pointers = new LinkedHashSet<>();
        var document = JsonPath.using(PATHS).parse(data);
        for (JsonPath path : paths) {
            Object result = document.read(path);
            if (result instanceof List<?> list) {
                for (Object p : list) {
                    pointers.add(toPointer(String.valueOf(p)));
                }
            }
        }
        return new ArrayList<>(pointers);
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
