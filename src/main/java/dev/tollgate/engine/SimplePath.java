package dev.tollgate.engine;

import dev.tollgate.model.LocationIndex;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The json-paths that policies write most ({@code $[*]}, {@code $.environment[*]}, {@code $..containers[*]},
 * {@code $..*}), walked directly over a resource's maps and lists, giving JSON pointers.
 *
 * <p>Why not json-path for these: with every value of a resource selected by some policies, json-path was 18% of the
 * CPU of a large scan. It builds a normalised path string per node ({@code $['spec']['template']...}) that we then
 * parse back into a pointer. Any other syntax (other filters, slices, unions, negative indexes, functions) is left to
 * json-path: {@link #compile} returns null for it. {@code SimplePathTest} checks that both give the same pointers.
 *
 * <p>The grammar: {@code $} then any of {@code .name}, {@code ['name']}, {@code .*}, {@code [*]}, {@code [n]},
 * {@code ..name}, {@code ..*} (last only), and {@code [?(@.f == 'v')]} or {@code [?(@.f in ['v', 'w'])]}. Semantics are
 * json-path's: a missing key or index selects nothing, a wildcard selects a map's values or a list's elements, and a
 * deep scan looks at the node itself and every node below it.
 */
final class SimplePath {

    /**
     * One step: a key, every child, an index, or the children that are maps whose {@code field} is one of
     * {@code values} (a filter); possibly preceded by a deep scan ({@code ..}).
     */
    private record Step(boolean deep, String key, int index, String field, Set<String> values) {
        Step(boolean deep, String key, int index) {
            this(deep, key, index, null, null);
        }

        boolean wildcard() {
            return key == null && index < 0 && field == null;
        }

        boolean accepts(Object element) {
            return element instanceof Map<?, ?> m && m.get(field) instanceof String v && values.contains(v);
        }
    }

    /** {@code [?(@.name == 'A')]} and {@code [?(@.name in ['A', 'B'])]}: how policies pick env entries by name. */
    private static final Pattern FILTER = Pattern.compile(
            "\\?\\(@\\.([A-Za-z0-9_-]+)\\s*(?:==\\s*'([^',\\\\\\]]*)'"
                    + "|in\\s*\\[\\s*('[^',\\\\\\]]*'(?:\\s*,\\s*'[^',\\\\\\]]*')*)\\s*\\])\\s*\\)");

    private final List<Step> steps;
    private final boolean mayRepeat;

    private SimplePath(List<Step> steps) {
        this.steps = steps;
        this.mayRepeat = steps.stream().filter(Step::deep).count() > 1;
    }

    /** The path, or null when it uses syntax outside this class's grammar (json-path then handles it). */
    static SimplePath compile(String expression) {
        String s = expression.trim();
        if (!s.startsWith("$")) {
            return null;
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < s.length()) {
            boolean deep = false;
            char c = s.charAt(i);
            if (c == '.') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '.') {
                    deep = true;
                    i += 2;
                } else {
                    i++;
                }
                if (i >= s.length()) {
                    return null;
                }
                if (s.charAt(i) == '*') {
                    steps.add(new Step(deep, null, -1));
                    i++;
                    continue;
                }
                if (s.charAt(i) != '[') {
                    int end = i;
                    while (end < s.length() && isNameChar(s.charAt(end))) {
                        end++;
                    }
                    if (end == i || end < s.length() && s.charAt(end) != '.' && s.charAt(end) != '[') {
                        return null;
                    }
                    steps.add(new Step(deep, s.substring(i, end), -1));
                    i = end;
                    continue;
                }
                if (!deep) {
                    return null; // ".[" is not json-path
                }
                c = '[';
            }
            if (c != '[') {
                return null;
            }
            int close = s.startsWith("[?(", i) ? s.indexOf(")]", i) + 1 : s.indexOf(']', i);
            if (close <= 0) {
                return null;
            }
            String inner = s.substring(i + 1, close);
            Step step = bracket(deep, inner);
            if (step == null) {
                return null;
            }
            steps.add(step);
            i = close + 1;
        }
        for (int k = 0; k < steps.size() - 1; k++) {
            if (steps.get(k).deep() && steps.get(k).wildcard()) {
                return null; // json-path gives nothing for "$..*.a": not a semantics worth copying
            }
        }
        return new SimplePath(List.copyOf(steps));
    }

    private static Step bracket(boolean deep, String inner) {
        Matcher filter = FILTER.matcher(inner);
        if (filter.matches()) {
            if (deep) {
                return null;
            }
            Set<String> values = new HashSet<>();
            if (filter.group(2) != null) {
                values.add(filter.group(2));
            } else {
                for (String quoted : filter.group(3).split(",")) {
                    String q = quoted.trim();
                    values.add(q.substring(1, q.length() - 1));
                }
            }
            return new Step(false, null, -1, filter.group(1), Set.copyOf(values));
        }
        if (inner.equals("*")) {
            return new Step(deep, null, -1);
        }
        if (inner.length() >= 2 && (inner.charAt(0) == '\'' || inner.charAt(0) == '"')
                && inner.charAt(inner.length() - 1) == inner.charAt(0)) {
            String key = inner.substring(1, inner.length() - 1);
            // Quotes, commas or escapes inside mean a union or an escaped name: json-path's business.
            if (key.isEmpty() || key.indexOf('\'') >= 0 || key.indexOf('"') >= 0 || key.indexOf(',') >= 0
                    || key.indexOf('\\') >= 0) {
                return null;
            }
            return new Step(deep, key, -1);
        }
        if (!deep && !inner.isEmpty() && inner.length() <= 9 && inner.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return new Step(false, null, Integer.parseInt(inner));
        }
        return null;
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    /**
     * Whether one walk can select a node twice: only when a deep scan follows another ({@code $..a..b} reaches a
     * {@code b} under an {@code a} inside an {@code a} once per {@code a}); a walk of any other path reaches each node
     * along one route.
     */
    boolean mayRepeat() {
        return mayRepeat;
    }

    /**
     * Where a walk puts each selected node, with its pointer's tokens (keys, and boxed list indexes): the pointer
     * itself ({@link #pointer}) is often never needed, say for a value that passes, and writing one for every value
     * was 3.7% of a large scan's CPU samples.
     */
    @FunctionalInterface
    interface Sink {
        void add(Object[] tokens, Object node);
    }

    /** The JSON pointer of a node from its tokens. */
    static String pointer(Object[] tokens) {
        if (tokens.length == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (Object token : tokens) {
            b.append('/').append(token instanceof String key ? LocationIndex.escape(key) : token);
        }
        return b.toString();
    }

    /** Adds the pointer of every selected node of {@code root} to {@code out}, in json-path's order. */
    void select(Object root, Collection<String> out) {
        select(root, out, false, null);
    }

    void select(Object root, Collection<String> out, boolean scalarsOnly, DeepScans scans) {
        select(root, (tokens, node) -> out.add(pointer(tokens)), scalarsOnly, scans);
    }

    /**
     * As {@link #select(Object, Collection)}, with two savings:
     * <ul>
     *   <li>when {@code scalarsOnly}, selected maps and lists are left out: for a policy whose {@code selectTypes}
     *       names neither, which would skip them anyway, and which selects every value ({@code $..*}), where the maps
     *       and lists are a third of what is selected;</li>
     *   <li>a leading deep scan for a key ({@code $..containers}) is taken from {@code scans} when given: several
     *       policies start with the same one, and each would otherwise walk the whole resource again.</li>
     * </ul>
     */
    void select(Object root, Sink out, boolean scalarsOnly, DeepScans scans) {
        Walk walk = new Walk(out, scalarsOnly);
        Step first = steps.isEmpty() ? null : steps.get(0);
        if (scans != null && first != null && first.deep() && first.key() != null) {
            for (DeepScans.Match match : scans.of(root, first.key())) {
                walk.tokens.clear();
                walk.tokens.addAll(match.tokens());
                walk.walk(match.node(), 1);
            }
        } else {
            walk.walk(root, 0);
        }
    }

    /**
     * The nodes under one key anywhere in one resource ({@code $..key}), found once and kept for every path that
     * starts with that deep scan. One per resource; not thread-safe, as a resource is judged on one thread.
     */
    static final class DeepScans {

        /** A node under the key: its pointer's tokens (keys, and boxed list indexes) and the node. */
        record Match(List<Object> tokens, Object node) {
        }

        private final Map<String, List<Match>> byKey = new HashMap<>();

        List<Match> of(Object root, String key) {
            return byKey.computeIfAbsent(key, k -> {
                List<Match> matches = new ArrayList<>();
                find(root, k, new ArrayList<>(), matches);
                return matches;
            });
        }

        /** In json-path's deep-scan order: a map's own key first, then each child's nodes in turn. */
        private static void find(Object node, String key, ArrayList<Object> tokens, List<Match> out) {
            if (node instanceof Map<?, ?> map) {
                if (map.containsKey(key)) {
                    List<Object> at = new ArrayList<>(tokens);
                    at.add(key);
                    out.add(new Match(List.copyOf(at), map.get(key)));
                }
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (e.getValue() instanceof Map || e.getValue() instanceof List) {
                        tokens.add(String.valueOf(e.getKey()));
                        find(e.getValue(), key, tokens, out);
                        tokens.remove(tokens.size() - 1);
                    }
                }
            } else if (node instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof Map || list.get(i) instanceof List) {
                        tokens.add(i);
                        find(list.get(i), key, tokens, out);
                        tokens.remove(tokens.size() - 1);
                    }
                }
            }
        }
    }

    /**
     * One selection over one resource. The pointer of the node being looked at is kept as a stack of its tokens (a
     * key, or a boxed list index) and written out only for a selected node: a deep scan ({@code $..containers})
     * visits every node of a resource and selects few, and building each visited node's pointer string was most of
     * its cost.
     */
    private final class Walk {
        private final Sink out;
        private final boolean scalarsOnly;
        private final ArrayList<Object> tokens = new ArrayList<>();

        Walk(Sink out, boolean scalarsOnly) {
            this.out = out;
            this.scalarsOnly = scalarsOnly;
        }

        private void walk(Object node, int stepIndex) {
            if (stepIndex == steps.size()) {
                if (!scalarsOnly || !(node instanceof Map || node instanceof Collection)) {
                    out.add(tokens.toArray(), node);
                }
                return;
            }
            Step step = steps.get(stepIndex);
            if (step.deep()) {
                scan(node, step, stepIndex);
            } else {
                apply(node, step, stepIndex);
            }
        }

        /** {@code node}'s child {@code token}, walked from step {@code stepIndex} on. */
        private void child(Object token, Object child, int stepIndex) {
            tokens.add(token);
            walk(child, stepIndex);
            tokens.remove(tokens.size() - 1);
        }

        /** The step on {@code node} itself, then on every node below it, as json-path's deep scan orders them. */
        private void scan(Object node, Step step, int stepIndex) {
            if (node instanceof Map<?, ?> map) {
                apply(node, step, stepIndex);
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (e.getValue() instanceof Map || e.getValue() instanceof List) {
                        tokens.add(String.valueOf(e.getKey()));
                        scan(e.getValue(), step, stepIndex);
                        tokens.remove(tokens.size() - 1);
                    }
                }
            } else if (node instanceof List<?> list) {
                if (step.wildcard()) {
                    apply(node, step, stepIndex);
                }
                for (int i = 0; i < list.size(); i++) {
                    Object element = list.get(i);
                    if (element instanceof Map || element instanceof List) {
                        tokens.add(i);
                        scan(element, step, stepIndex);
                        tokens.remove(tokens.size() - 1);
                    }
                }
            }
        }

        private void apply(Object node, Step step, int stepIndex) {
            if (step.field() != null) {
                // json-path filters a list's elements, but a map as a whole (the map itself, not its values).
                if (node instanceof List<?> list) {
                    for (int i = 0; i < list.size(); i++) {
                        if (step.accepts(list.get(i))) {
                            child(i, list.get(i), stepIndex + 1);
                        }
                    }
                } else if (step.accepts(node)) {
                    walk(node, stepIndex + 1);
                }
            } else if (step.key() != null) {
                if (node instanceof Map<?, ?> map && map.containsKey(step.key())) {
                    child(step.key(), map.get(step.key()), stepIndex + 1);
                }
            } else if (step.index() >= 0) {
                if (node instanceof List<?> list && step.index() < list.size()) {
                    child(step.index(), list.get(step.index()), stepIndex + 1);
                }
            } else if (node instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    child(String.valueOf(e.getKey()), e.getValue(), stepIndex + 1);
                }
            } else if (node instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    child(i, list.get(i), stepIndex + 1);
                }
            }
        }
    }
}
